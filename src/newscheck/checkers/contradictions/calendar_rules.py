"""NC402 weekday-date-mismatch and NC403 anniversary-arithmetic, plus age restatements.

The article's year comes from its own dates: a date with a year ("May 16, 2024", "16 May
2024", "May 2024") is trusted most; failing that, the four-digit years the text mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ._text import Sentence, ascii_of, bucket, data_toml, digit_runs, finds, view_of

_ORD = data_toml("ordinals.toml")
ORDINALS: dict[str, int] = dict(_ORD["ordinals"])
CARDINALS: dict[str, int] = dict(_ORD["cardinals"])
DURATION_NOUNS: list[str] = _ORD["durations"]["nouns"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_WD = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
)

WEEKDAY_DATE = regex.compile(
    rf"\b{_WD},?[ \u00a0]+(?:the[ \u00a0]+)?(?:"
    rf"{_DAY.format(n='d1')}(?:[ \u00a0]+of)?[ \u00a0]+{_MONTH.format(n='m1')}"
    rf"(?:,?[ \u00a0]+{_YEAR.format(n='y1')})?"
    rf"|{_MONTH.format(n='m2')}[ \u00a0]+{_DAY.format(n='d2')}(?:,?[ \u00a0]+{_YEAR.format(n='y2')})?"
    rf")(?![\p{{L}}\p{{N}}]|:\d)"
)
BARE_YEAR = regex.compile(r"(?<![\p{L}\p{N}$£€,.\-])(?:1[6-9]\d\d|20\d\d)(?![\p{L}\p{N}%]|,\d|\.\d)")

_ORDINAL_RE = "|".join(sorted((regex.escape(k) for k in ORDINALS), key=len, reverse=True))
ANNIVERSARY = regex.compile(
    rf"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<w>{_ORDINAL_RE}))\s+(?P<kind>anniversary|birthday)\b"
    rf"|\b(?P<c>centenary|centennial|bicentenary|bicentennial)\b",
    regex.I,
)
_CARD_RE = "|".join(sorted((regex.escape(k) for k in CARDINALS), key=len, reverse=True))
_DUR_RE = "|".join(sorted((regex.escape(k) for k in DURATION_NOUNS), key=len, reverse=True))
DURATION = regex.compile(
    rf"\b(?P<num>\d{{1,3}}|{_CARD_RE})[\s-]year(?:-long|-old)?\s+(?P<noun>{_DUR_RE})\b", regex.I
)
# On the lowercased ASCII copy of the view: where DURATION may match. "?" stands for any character
# outside ASCII, which may be white space, or "ſ" and the Kelvin sign that match "s" and "k".
_DURATION_HINT = re.compile(
    rb"year(?:-long|-old)?[\t\n\v\f\r\x1c-\x1f ?]+(?:"
    + b"|".join(re.escape(n.encode()).replace(b"s", b"[s?]").replace(b"k", b"[k?]") for n in DURATION_NOUNS)
    + b")"
)
_START_PHRASE = r"(?:began|started|broke\s+out|erupted|was\s+launched|launched|started|begun)\s+(?:in\s+)?"
_STRONG_START = regex.compile(
    r"\b(?:established|founded|formed|signed|created|set\s+up|launched|built|opened)\s+(?:in\s+|on\s+)?$",
    regex.I,
)
_START_HINT = regex.compile(r"\b(?:began|started|broke|erupted|launched|begun)\b")
# Where a start verb may stand (every _START_HINT match holds one of these words): found with
# bytes.find, faster here than one scan with their alternation.
_START_WORDS = (b"began", b"started", b"broke", b"erupted", b"launched", b"begun")
_AGE_HINT = regex.compile(r",\s+(?:aged\s+)?\d{1,3},|\d-year-old\s")
_ESTABLISHED = regex.compile(
    r"\b(?:established|founded|formed|signed|opened|began|started|created|set\s+up|launched|built|"
    r"born|first|since|in|of|after|from)\b",
    regex.I,
)
_NEAR_FUTURE = regex.compile(
    r"\b(?:next|last|upcoming|coming|will|would|ahead|approach\w*|marks?\s+next)\b", regex.I
)

# Ages: "John Smith, 45," / "Smith, 45," / "the 45-year-old Smith" / "Smith, aged 45".
_NAME = r"(?P<name>(?:[A-Z][\p{L}'’\-]+\s){0,2}[A-Z][\p{L}'’\-]+)"
AGE = regex.compile(
    rf"{_NAME},\s+(?:aged\s+)?(?P<age>\d{{1,3}}),"
    rf"|\b(?P<age2>\d{{1,3}})-year-old\s+(?:\p{{Ll}}+\s+){{0,2}}(?P<name2>(?:[A-Z][\p{{L}}'’\-]+\s){{0,2}}[A-Z][\p{{L}}'’\-]+)"
)


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


@dataclass(frozen=True, slots=True)
class ArticleYears:
    dated: tuple[int, ...]  # years of full dates, most frequent first
    mentioned: tuple[int, ...]  # every bare year, most frequent first

    @property
    def reference(self) -> int | None:
        """The article's own year: the latest year among its full dates."""
        return max(self.dated) if self.dated else None


# A year with a day and a month before it: "May 16, 2024", "16 May 2024", "16th of May, 2024".
# "May 1945" alone is too often history to date the article.
_DATED_BEFORE = regex.compile(
    rf"(?:{_MONTH.format(n='m')}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH.format(n='m2')},?\s+)$"
)


_DATED_BEFORE_REVERSE = regex.compile(_DATED_BEFORE.pattern.removesuffix("$"), regex.REVERSE)


def _full_dates(text: str, bare: list[regex.Match] | None = None) -> Iterator[tuple[int, int, int]]:
    """(start, end, year) of every date with a year, found from the year backwards.

    ``bare`` is ``BARE_YEAR.finditer(text)`` when the caller has it already.
    """
    before = _DATED_BEFORE_REVERSE.match
    for m in BARE_YEAR.finditer(text) if bare is None else bare:
        # Matched backwards from the year within the 22 characters before it: the same
        # answer as searching that slice for a match ending at its end, without the slice.
        if before(text, max(0, m.start() - 22), m.start()):
            yield m.start(), m.end(), int(m.group(0))


def bare_years(text: str, runs: list[tuple[int, int]] | None = None) -> list[regex.Match]:
    """``BARE_YEAR.finditer(text)``; with ``runs`` (the digit runs of ``text``), the pattern is
    tried only where a four-digit run starts (a year is one whole digit run)."""
    if runs is None:
        return list(BARE_YEAR.finditer(text))
    match = BARE_YEAR.match
    return [m for s, e in runs if e - s == 4 and (m := match(text, s)) is not None]


def article_years(text: str, runs: list[tuple[int, int]] | None = None) -> ArticleYears:
    matches = bare_years(text, runs)
    bare = [int(m.group(0)) for m in matches]
    dated = Counter(y for _, _, y in _full_dates(text, matches)) if bare else Counter()
    mentioned = Counter(bare)
    return ArticleYears(
        tuple(y for y, _ in dated.most_common()), tuple(y for y, _ in mentioned.most_common())
    )


class LazyYears:
    """:func:`article_years`, worked out when first read: most articles have no date, anniversary,
    start year or birth year that needs them."""

    __slots__ = ("_runs", "_text", "_years")

    def __init__(self, text: str, runs: list[tuple[int, int]] | None = None):
        self._text = text
        self._runs = runs
        self._years: ArticleYears | None = None

    def _get(self) -> ArticleYears:
        if self._years is None:
            self._years = article_years(self._text, self._runs)
        return self._years

    @property
    def dated(self) -> tuple[int, ...]:
        return self._get().dated

    @property
    def mentioned(self) -> tuple[int, ...]:
        return self._get().mentioned

    @property
    def reference(self) -> int | None:
        return self._get().reference


# Read backwards from a day number: what may stand between the weekday and the day.
_BEFORE_DAY = regex.compile(
    rf"\b{_WD},?[ \u00a0]+(?:the[ \u00a0]+)?(?:{_MONTH.format(n='m')}[ \u00a0]+)?", regex.REVERSE
)


def _ends_before_day() -> frozenset[str]:
    """The last three characters of whatever ``_BEFORE_DAY`` can have just before the spaces in
    front of the day: a weekday (and comma), "the" or a month."""
    weekdays = [*WEEKDAYS, "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.", "Sat.", "Sun."]
    abbreviations = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    months = [m.capitalize() for m in list(_MONTHS)[:12]] + abbreviations  # the full names first
    forms = weekdays + [w + "," for w in weekdays] + months + [a + "." for a in abbreviations] + ["the"]
    return frozenset(f[-3:] for f in forms)


_BEFORE_DAY_ENDS = _ends_before_day()


def weekday_dates(text: str, runs: list[tuple[int, int]] | None = None) -> list[regex.Match]:
    """``WEEKDAY_DATE.finditer(text)``. With ``runs`` (the digit runs of ``text``), the pattern
    is tried only where a weekday stands before a one- or two-digit run that follows a space:
    every match has its day number there, and matches cannot overlap."""
    if runs is None:
        return list(WEEKDAY_DATE.finditer(text))
    out = []
    last = 0
    for s, e in runs:
        if e - s > 2 or not s or text[s - 1] not in " \u00a0":
            continue
        j = s - 1
        while j and text[j - 1] in " \u00a0":
            j -= 1
        if text[max(0, j - 3) : j] not in _BEFORE_DAY_ENDS:
            continue  # no weekday, "the" or month before the spaces
        back = _BEFORE_DAY.match(text, 0, s)
        if back is None or back.start() < last:
            continue
        m = WEEKDAY_DATE.match(text, back.start())
        if m is not None and (m.start("d1") if m.group("d1") else m.start("d2")) == s:
            out.append(m)
            last = m.end()
    return out


def weekday_mismatches(
    text: str, years: ArticleYears, runs: list[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int, str, float, tuple[tuple[int, int, str], ...]]]:
    """(start, end, message, confidence, related spans) for each weekday its date contradicts."""
    for m in weekday_dates(text, runs):
        day = int(m.group("d1") or m.group("d2"))
        month = _month(m.group("m1") or m.group("m2"))
        year_s = m.group("y1") or m.group("y2")
        wd_text = m.group("wd")
        wd = next(i for i, w in enumerate(WEEKDAYS) if w.startswith(wd_text.rstrip(".")[:3]))
        if year_s:
            candidates, confidence, how = (int(year_s),), 0.95, ""
        elif len(years.dated) == 1 and max(years.mentioned) <= years.dated[0]:
            # One year among the article's day-month-year dates and no later year mentioned:
            # that is the article's year. Several, or a later one, and the dates may be history.
            candidates, confidence, how = years.dated, 0.85, "in the article's year,"
        else:
            continue
        actual = []
        for y in candidates:
            try:
                actual.append(dt.date(y, month, day))
            except ValueError:
                break
        else:
            if actual and all(d.weekday() != wd for d in actual):
                d = actual[0]
                date_text = m.group(0)[len(wd_text) :].strip(" ,")
                date_start = m.end() - len(date_text)
                related = [(date_start, m.end(), "date")]
                if not year_s:
                    source = next((s for s in _full_dates(text) if s[2] == d.year), None)
                    if source is not None:
                        related.append((source[0], source[1], "year"))
                yield (
                    m.start(),
                    m.end(),
                    (
                        f"“{m.group(0)}”: {date_text}{f' {how} {d.year},' if how else ''} was a "
                        f"{WEEKDAYS[d.weekday()]}, not a {WEEKDAYS[wd]}"
                    ),
                    confidence,
                    tuple(related),
                )


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _ordinal(m: regex.Match) -> int:
    if m.group("n"):
        return int(m.group("n"))
    if m.group("w"):
        return ORDINALS[m.group("w").lower()]
    return ORDINALS[m.group("c").lower()]


def anniversary_mismatches(
    sents: list[Sentence], years: ArticleYears
) -> Iterator[tuple[int, int, str, float, tuple[int, int]]]:
    """(start, end, message, confidence, related span) for anniversaries that do not add up."""
    # Candidate sentences from one scan of a lowercased ASCII copy of the text (same offsets).
    view = view_of(sents)
    low_view = ascii_of(view, sents, lower=True)
    hits = sorted(finds(low_view, b"anniversar") + finds(low_view, b"centen"))
    if not hits:
        return
    ref = years.reference  # read only now: the years may be worked out on demand
    for si in bucket(sents, hits):
        sent = sents[si]
        low = sent.text.lower()
        if "anniversar" not in low and "centen" not in low:
            continue
        for m in ANNIVERSARY.finditer(sent.text):
            if m.group("kind") and m.group("kind").lower() == "birthday":
                continue
            n = _ordinal(m)
            here_ref = ref
            dated_here = [y for _, _, y in _full_dates(sent.text)]
            if dated_here:
                here_ref = max(dated_here)
            if here_ref is None:
                continue
            starts = []
            for y in BARE_YEAR.finditer(sent.text):
                if int(y.group(0)) >= here_ref or int(y.group(0)) in dated_here:
                    continue
                lead = sent.text[max(0, y.start() - 25) : y.start()]
                if y.start() > m.end() and _ESTABLISHED.search(lead) or _STRONG_START.search(lead):
                    starts.append(y)
                elif y.start() < m.start():
                    # "In 1962, lawmakers marked the centennial": the year of the celebration.
                    starts = []
                    break
            if len({y.group(0) for y in starts}) != 1:
                continue
            y = starts[0]
            start_year = int(y.group(0))
            diff = here_ref - start_year - n
            if diff == 0:
                continue
            if abs(diff) == 1 and _NEAR_FUTURE.search(sent.text):
                continue
            yield (
                sent.start + m.start(),
                sent.start + m.end(),
                (
                    f"“{m.group(0)}” does not add up: from {y.group(0)} to {here_ref} is "
                    f"{here_ref - start_year} years, the {_nth(here_ref - start_year)}"
                ),
                0.8,
                (sent.start + y.start(), sent.start + y.end()),
            )


def duration_mismatches(
    sents: list[Sentence], years: ArticleYears
) -> Iterator[tuple[int, int, str, float, tuple[int, int]]]:
    """A "two-year war" whose start year in the article makes it much older or younger."""
    # No "<n>-year war" in the article, no finding: the years need not be worked out.
    if not _DURATION_HINT.search(ascii_of(view_of(sents), sents, lower=True)):
        return
    # The years next: few articles have a full date, and the start-verb scan costs more.
    ref = years.reference
    if ref is None:
        return
    starts: dict[str, tuple[int, int, int, str]] = {}
    view = ascii_of(view_of(sents), sents)
    hits = sorted(i for word in _START_WORDS for i in finds(view, word))
    for si in bucket(sents, hits):
        sent = sents[si]
        if not _START_HINT.search(sent.text):
            continue
        for m in regex.finditer(
            rf"\b(?P<noun>{_DUR_RE})\b[^.;]{{0,40}}?\b{_START_PHRASE}(?P<y>(?:19|20)\d\d)\b",
            sent.text,
            flags=regex.I,
        ):
            starts.setdefault(
                m.group("noun").lower(),
                (int(m.group("y")), sent.start + m.start("y"), sent.start + m.end("y"), m.group(0)),
            )
    if not starts:
        return
    for sent in sents:
        if "year" not in sent.text:
            continue
        for m in DURATION.finditer(sent.text):
            noun = m.group("noun").lower()
            if noun not in starts:
                continue
            num = m.group("num").lower()
            n = int(num) if num.isdigit() else CARDINALS.get(num, 0)
            year, ys, ye, phrase = starts[noun]
            actual = ref - year
            if actual < 0 or abs(actual - n) <= 1:
                continue
            yield (
                sent.start + m.start(),
                sent.start + m.end(),
                f"“{m.group(0)}” but the article says “{phrase}”, {actual} years before {ref}",
                0.7,
                (ys, ye),
            )


_AGE_COMMA = regex.compile(r",\s+(?:aged\s+)?\d{1,3},")
_DIGIT = regex.compile(r"\d")
_SPACE = regex.compile(r"\s")


# Read backwards from the digits of an age: what ``_AGE_COMMA`` has before them.
_AGE_COMMA_BEFORE = regex.compile(r",\s+(?:aged\s+)?", regex.REVERSE)


def _age_hints(sents: list[Sentence]) -> list[Sentence]:
    """``_with(sents, _AGE_HINT)``, with the hint's two branches found by two cheap scans:
    the digit runs for the ages after a comma and ``str.find`` for "-year-old" (they cannot
    overlap)."""
    if not sents:
        return []
    view = view_of(sents)
    # Every ``_AGE_COMMA`` match ends with a whole digit run of at most three digits and a
    # comma; it starts at the comma read back from the run. Runs whose match would start
    # before the end of the previous one are skipped, as ``finditer`` skips them.
    positions = []
    last = 0
    before = _AGE_COMMA_BEFORE.match
    for s, e in digit_runs(view, sents):
        if e - s <= 3 and view[e : e + 1] == "," and (m := before(view, last, s)) is not None:
            positions.append(m.start())
            last = e + 1
    old = [
        i - 1
        for i in finds(view, "-year-old")
        if i and _DIGIT.match(view, i - 1) and _SPACE.match(view, i + 9)
    ]
    if old:
        positions = sorted(positions + old)
    return [sents[i] for i in bucket(sents, positions)]


def _with(sents: list[Sentence], hint: regex.Pattern) -> list[Sentence]:
    """The sentences in which ``hint`` occurs, found with one scan of the whole text."""
    if not sents:
        return []
    view = view_of(sents)
    starts = [s.start for s in sents]
    out: list[Sentence] = []
    for m in hint.finditer(view):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sents[i].end and (not out or out[-1] is not sents[i]):
            out.append(sents[i])
    return out


def _surname(name: str) -> str:
    return name.split()[-1].removesuffix("'s").removesuffix("’s")


_BORN = regex.compile(
    r"(?P<name>(?:[A-Z][\p{L}'’\-]+\s){0,2}[A-Z][\p{L}'’\-]+)(?:,\s+who\s+was|,|\s+(?:was|is))?\s+\(?born\s+"
    r"(?:on\s+|in\s+)?(?:[^.;()]{0,20}?\s)?(?P<year>(?:19|20)\d\d)\b"
)


def age_birth_mismatches(
    sents: list[Sentence], years: ArticleYears
) -> Iterator[tuple[int, int, str, float, tuple[int, int]]]:
    """An age ("Smith, 45,") that the person's birth year ("born in 1960") and the article's
    year cannot give: (start, end, message, confidence, related birth-year span)."""
    hits = finds(ascii_of(view_of(sents), sents), b"born")
    if not hits:
        return
    ref = years.reference  # read only now: the years may be worked out on demand
    if ref is None or len(years.dated) != 1:
        return
    born: dict[str, tuple[int, int, int]] = {}
    for si in bucket(sents, hits):
        sent = sents[si]
        if "born" not in sent.text:
            continue
        for m in _BORN.finditer(sent.text):
            born.setdefault(
                _surname(m.group("name")),
                (int(m.group("year")), sent.start + m.start("year"), sent.start + m.end("year")),
            )
    if not born:
        return
    for sent in _age_hints(sents):
        for m in AGE.finditer(sent.text):
            name = m.group("name") or m.group("name2")
            key = _surname(name)
            if key not in born:
                continue
            age = int(m.group("age") or m.group("age2"))
            year, ys, ye = born[key]
            if ref - year - 1 <= age <= ref - year:
                continue
            yield (
                sent.start + m.start(),
                sent.start + m.end(),
                (
                    f"“{m.group(0)}” does not fit “born {year}”: in {ref} {key} would be "
                    f"{ref - year - 1} or {ref - year}"
                ),
                0.75,
                (ys, ye),
            )


def age_conflicts(sents: list[Sentence]) -> Iterator[tuple[tuple[int, int, str], tuple[int, int, str], str]]:
    """Two different ages for one named person: ((start, end, text) earlier, later, surname)."""
    seen: dict[str, tuple[int, int, int, str]] = {}
    for sent in _age_hints(sents):
        for m in AGE.finditer(sent.text):
            name = m.group("name") or m.group("name2")
            age_s = m.group("age") or m.group("age2")
            age = int(age_s)
            key = _surname(name)
            span = (sent.start + m.start(), sent.start + m.end(), m.group(0))
            if key in seen and seen[key][0] != age and abs(seen[key][0] - age) >= 1:
                prev = seen[key]
                yield (prev[1], prev[2], prev[3]), span, key
                continue
            seen.setdefault(key, (age, span[0], span[1], span[2]))
