"""Defect injectors: damage a text in one known place and say exactly where.

Each injector makes one edit (an insertion, a deletion or a replacement) and returns the new
text with a :class:`Defect` whose offsets are Python ``str`` indices into that new text.
:func:`inject` applies an injector to a :class:`LabelledArticle` and shifts the defects
already there, so a text can carry many labelled defects at once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import random as _random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import regex

from ..document import Document, Paragraph
from ..findings import Category, Span
from ._data import vocabulary

__all__ = [
    "KINDS",
    "Defect",
    "LabelledArticle",
    "NoInjectionSite",
    "inject",
    "inject_boilerplate",
    "inject_contradiction",
    "inject_fragment",
    "inject_inconsistency",
    "parse_categories",
]


class NoInjectionSite(ValueError):
    """The text has no place where a defect of the requested kind can be injected."""


@dataclass(frozen=True, slots=True)
class Defect:
    """One injected defect: ``text[start:end]`` is the injected (or, for a cut, damaged) text."""

    category: Category
    kind: str
    start: int
    end: int
    #: Other places the defect involves: the original of a duplicate, the first spelling.
    related: tuple[Span, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad defect range [{self.start}, {self.end})")

    @property
    def spans(self) -> tuple[Span, ...]:
        return (Span(self.start, self.end), *self.related)

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def shifted(self, at: int, removed: int, added: int) -> Defect:
        """This defect after ``text[at:at + removed]`` was replaced by ``added`` characters."""
        s, e = _shift(self.start, self.end, at, removed, added)
        related = tuple(Span(*_shift(r.start, r.end, at, removed, added), r.label) for r in self.related)
        return replace(self, start=s, end=e, related=related)


def _shift(start: int, end: int, at: int, removed: int, added: int) -> tuple[int, int]:
    if end <= at and not (start == end == at and removed):
        return start, end
    if start >= at + removed:
        delta = added - removed
        return start + delta, end + delta
    raise ValueError(f"an edit at [{at}, {at + removed}) overlaps the labelled span [{start}, {end})")


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    """A text and the defects injected into it, sorted by position."""

    text: str
    defects: tuple[Defect, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "defects", tuple(sorted(self.defects, key=lambda d: (d.start, d.end, d.kind)))
        )

    def excerpts(self) -> list[tuple[str, str]]:
        """``(kind, injected text)`` for each defect: handy in assertion messages."""
        return [(d.kind, d.slice(self.text)) for d in self.defects]

    def categories(self) -> set[Category]:
        return {d.category for d in self.defects}


# --------------------------------------------------------------------------------------
# The shared machinery


@dataclass
class _Edit:
    at: int
    removed: int
    replacement: str
    defect: Defect  # in the coordinates of the edited text

    def apply(self, text: str) -> str:
        return text[: self.at] + self.replacement + text[self.at + self.removed :]


_QUOTED = regex.compile(r"“[^”\n]*”|\"[^\"\n]*\"|‘[^’\n]*’(?![\p{L}])")
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


class _Site:
    """The text with its segmentation and the spans that must not be touched."""

    def __init__(self, text: str, rnd: _random.Random, protect: Iterable[Span | Defect]):
        self.text = text
        self.rnd = rnd
        self.doc = Document(text)
        self.protect: list[tuple[int, int]] = []
        for p in protect:
            spans = p.spans if isinstance(p, Defect) else (p,)
            self.protect.extend((s.start, s.end) for s in spans)
        self.quoted = [m.span() for m in _QUOTED.finditer(text)]
        self.sep = _paragraph_separator(text, self.doc.paragraphs)

    def free(self, start: int, end: int) -> bool:
        """Nothing protected overlaps ``[start, end)``; an insertion point may not even touch one."""
        for s, e in self.protect:
            if start == end:
                if s <= start <= e:
                    return False
            elif start < e and s < end or (s == e and start <= s < end):
                return False
        return True

    def in_quote(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.quoted)

    def body(self) -> list[Paragraph]:
        """Paragraphs of running text after the first (the headline, or the lede of a bare text)."""
        paras = self.doc.paragraphs
        return [p for p in paras[1:] if p.kind == "paragraph"]

    def para_text(self, p: Paragraph | Span) -> str:
        return self.text[p.start : p.end]

    def insertion_points(self, after_index: int = 0) -> list[Paragraph]:
        """Body paragraphs after which a new paragraph can go (never inside a list)."""
        paras = self.doc.paragraphs
        out = []
        for i, p in enumerate(paras):
            if i < max(1, after_index) or p.kind != "paragraph":
                continue
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is not None and nxt.kind != "paragraph":
                continue
            if self.text[p.end - 1 : p.end] not in (".", "”", '"', "!", "?", ")"):
                continue
            if self.free(p.end, p.end):
                out.append(p)
        return out

    def insert_paragraph(
        self,
        new: str,
        category: Category,
        kind: str,
        note: str = "",
        related: tuple[Span, ...] = (),
        after_index: int = 0,
    ) -> _Edit:
        points = self.insertion_points(after_index)
        if not points:
            raise NoInjectionSite(f"{kind}: no paragraph break to insert at")
        p = self.rnd.choice(points)
        start = p.end + len(self.sep)
        defect = Defect(category, kind, start, start + len(new), related, note)
        return _Edit(p.end, 0, self.sep + new, defect)

    def sentences(self, body_only: bool = True) -> list[Span]:
        first = self.doc.paragraphs[0].index if self.doc.paragraphs else 0
        paras = {p.index: p for p in self.doc.paragraphs}
        return [
            s
            for s in self.doc.sentences
            if not body_only or (int(s.label) != first and paras[int(s.label)].kind == "paragraph")
        ]


def _paragraph_separator(text: str, paras: Sequence[Paragraph]) -> str:
    gaps = Counter(
        text[a.end : b.start] for a, b in itertools.pairwise(paras) if text[a.end : b.start].strip() == ""
    )
    if gaps:
        return gaps.most_common(1)[0][0]
    return "\r\n\r\n" if "\r\n" in text else "\n\n"


def _fill(template: str, rnd: _random.Random) -> str:
    voc = vocabulary()
    outlet = rnd.choice(voc.outlets)
    year = rnd.randint(2012, 2025)
    month = rnd.randint(1, 12)
    day = rnd.randint(1, 28)
    values = {
        "outlet": outlet,
        "OUTLET": outlet.upper(),
        "photographer": rnd.choice(voc.photographers),
        "agency": rnd.choice(voc.agencies),
        "place": rnd.choice(sorted(voc.places)),
        "date_plain": f"{calendar.month_name[month]} {day}, {year}",
    }
    return regex.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)


# --------------------------------------------------------------------------------------
# Boilerplate

_B = Category.BOILERPLATE


def _promo(site: _Site) -> _Edit:
    line = _fill(site.rnd.choice(vocabulary().defects["boilerplate"]["promo"]), site.rnd)
    return site.insert_paragraph(line, _B, "promo")


def _ad_marker(site: _Site) -> _Edit:
    return site.insert_paragraph(
        site.rnd.choice(vocabulary().defects["boilerplate"]["ad_marker"]), _B, "ad-marker"
    )


def _headline(rnd: _random.Random) -> str:
    return _fill(rnd.choice(vocabulary().defects["boilerplate"]["headlines"]), rnd)


def _related_link(site: _Site) -> _Edit:
    prefix = site.rnd.choice(vocabulary().defects["boilerplate"]["related_prefix"])
    return site.insert_paragraph(f"{prefix} {_headline(site.rnd)}", _B, "related-link")


def _inserted_headline(site: _Site) -> _Edit:
    return site.insert_paragraph(_headline(site.rnd), _B, "inserted-headline")


def _photo_caption(site: _Site) -> _Edit:
    caption = _fill(site.rnd.choice(vocabulary().defects["boilerplate"]["caption"]), site.rnd)
    return site.insert_paragraph(caption, _B, "photo-caption")


def _duplicate_paragraph(site: _Site) -> _Edit:
    sources = [
        p for p in site.body() if len(_WORD_RE.findall(site.para_text(p))) >= 10 and site.free(p.start, p.end)
    ]
    rnd = site.rnd
    rnd.shuffle(sources)
    for src in sources:
        points = [p for p in site.insertion_points() if p.index >= src.index]
        if points:
            p = rnd.choice(points)
            copy = site.para_text(src)
            start = p.end + len(site.sep)
            defect = Defect(
                _B,
                "duplicate-paragraph",
                start,
                start + len(copy),
                (Span(src.start, src.end, "original"),),
                "a paragraph repeated",
            )
            return _Edit(p.end, 0, site.sep + copy, defect)
    raise NoInjectionSite("duplicate-paragraph: no paragraph of ten words or more to repeat")


# --------------------------------------------------------------------------------------
# Fragments

_F = Category.FRAGMENT


def _paragraph_ends(site: _Site, endings: str = ".") -> list[Paragraph]:
    """Body paragraphs ending in one of ``endings`` outside any quotation, free to extend."""
    return [
        p
        for p in site.body()
        if site.text[p.end - 1 : p.end] in endings
        and site.free(p.end, p.end)
        and not site.in_quote(p.end - 1, p.end)
    ]


def _append_sentence(site: _Site, sentence: str, kind: str, note: str = "") -> _Edit:
    ends = _paragraph_ends(site)
    if not ends:
        raise NoInjectionSite(f"{kind}: no paragraph ending in a full stop")
    p = site.rnd.choice(ends)
    defect = Defect(_F, kind, p.end + 1, p.end + 1 + len(sentence), (), note)
    return _Edit(p.end, 0, " " + sentence, defect)


def _truncated_sentence(site: _Site) -> _Edit:
    cut_words = set(vocabulary().defects["fragments"]["cut_after"])
    last_of_para: dict[str, Span] = {}
    for s in site.sentences():
        last_of_para[s.label] = s
    candidates = []
    for s in last_of_para.values():
        text = site.text[s.start : s.end]
        if not text.endswith(".") or site.in_quote(s.start, s.end) or not site.free(s.start, s.end):
            continue
        words = list(_WORD_RE.finditer(text))
        if len(words) < 8:
            continue
        for i, w in enumerate(words[:-2]):
            if i >= len(words) * 0.4 and w.group().lower() in cut_words and w.group().islower():
                candidates.append((s, w.end()))
    if not candidates:
        raise NoInjectionSite("truncated-sentence: no long sentence ending a paragraph")
    s, cut = site.rnd.choice(candidates)
    at = s.start + cut
    removed = site.text[at : s.end]
    defect = Defect(_F, "truncated-sentence", s.start, at, (), f"cut off {removed.strip()!r}")
    return _Edit(at, len(removed), "", defect)


def _subjectless_stub(site: _Site) -> _Edit:
    stub = site.rnd.choice(vocabulary().defects["fragments"]["stubs"])
    return _append_sentence(site, stub, "subjectless-stub")


_SAID_AFTER_QUOTE = regex.compile(r",[”\"](?= said\b)")


def _orphaned_attribution(site: _Site) -> _Edit:
    rnd = site.rnd
    quoted = [m for m in _SAID_AFTER_QUOTE.finditer(site.text) if site.free(m.start(), m.end())]
    if quoted and rnd.random() < 0.5:
        m = rnd.choice(quoted)
        end = site.text.find(".", m.end())
        end = len(site.text) if end < 0 else end + 1
        if site.free(m.start(), end):
            defect = Defect(
                _F,
                "orphaned-attribution",
                m.start(),
                end,
                (),
                "a full stop closes the quote before its attribution",
            )
            return _Edit(m.start(), 1, ".", defect)
    return _append_sentence(site, "said.", "orphaned-attribution", "a bare 'said.' after a full stop")


def _doubled_punctuation(site: _Site) -> _Edit:
    ends = _paragraph_ends(site)
    commas = [
        m.start()
        for m in regex.finditer(r"(?<=\p{L}),(?= \p{L})", site.text)
        if site.free(m.start(), m.start() + 1)
        and not site.in_quote(m.start(), m.start() + 1)
        and site.doc.paragraph_at(m.start()) in site.body()
    ]
    rnd = site.rnd
    if commas and (not ends or rnd.random() < 0.4):
        at = rnd.choice(commas) + 1
        return _Edit(at, 0, ",", Defect(_F, "doubled-punctuation", at, at + 1, (), "',,'"))
    if not ends:
        raise NoInjectionSite("doubled-punctuation: no sentence end or comma to double")
    p = rnd.choice(ends)
    return _Edit(p.end, 0, " .", Defect(_F, "doubled-punctuation", p.end, p.end + 2, (), "'. .'"))


def _first_person(site: _Site) -> _Edit:
    sentence = site.rnd.choice(vocabulary().defects["fragments"]["first_person"])
    return _append_sentence(site, sentence, "first-person", "first person outside a quotation")


_PAIRED_QUOTE = regex.compile(r"“([^”“\n]{3,})”|(?<![\p{L}\p{N}])\"([^\"\n]{3,})\"")


def _unbalanced_quote(site: _Site) -> _Edit:
    rnd = site.rnd
    pairs = [m for m in _PAIRED_QUOTE.finditer(site.text) if site.free(m.start(), m.end())]
    if pairs and rnd.random() < 0.6:
        m = rnd.choice(pairs)
        close = m.end() - 1
        defect = Defect(
            _F,
            "unbalanced-quote",
            m.start(),
            m.start() + 1,
            (),
            "the closing quotation mark of this quote was removed",
        )
        return _Edit(close, 1, "", defect)
    mark = "“" if "“" in site.text or '"' not in site.text else '"'
    starts = [
        s.start
        for s in site.sentences()
        if site.free(s.start, s.start)
        and not site.in_quote(s.start, s.end)
        and site.text[s.start : s.start + 1].isupper()
    ]
    if not starts:
        raise NoInjectionSite("unbalanced-quote: no quotation or sentence to open a quote in")
    at = rnd.choice(starts)
    return _Edit(
        at, 0, mark, Defect(_F, "unbalanced-quote", at, at + 1, (), "an opening quotation mark never closed")
    )


# --------------------------------------------------------------------------------------
# Consistency

_C = Category.CONSISTENCY
_GENERIC_VARIANTS = [
    (r"iy$", "y"),
    (r"y$", "i"),
    (r"ov$", "off"),
    (r"ev$", "yev"),
    (r"ck", "k"),
    (r"ph", "f"),
    (r"ei", "ey"),
    (r"ou", "u"),
    (r"sch", "sh"),
    (r"ll", "l"),
    (r"ss", "s"),
    (r"tt", "t"),
    (r"kh", "h"),
]


def _word_occurrences(site: _Site, word: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in regex.finditer(
            rf"(?<![\p{{L}}\p{{N}}\-]){regex.escape(word)}(?![\p{{L}}\p{{N}}])", site.text
        )
    ]


def _name_variant(site: _Site) -> _Edit:
    voc = vocabulary()
    rnd = site.rnd
    known = {**voc.places, **voc.translit_surnames}
    options: list[tuple[str, str, list[tuple[int, int]]]] = []
    for name, variants in known.items():
        occ = _word_occurrences(site, name)
        if len(occ) >= 2:
            options.extend((name, v, occ) for v in variants)
    if not options:
        options = _generic_name_options(site)
    if not options:
        raise NoInjectionSite("name-variant: no name mentioned twice")
    name, variant, occ = rnd.choice(options)
    later = [o for o in occ[1:] if site.free(*o)]
    if not later:
        raise NoInjectionSite(f"name-variant: every later mention of {name!r} is taken")
    start, end = rnd.choice(later)
    related = tuple(Span(s, e, "other spelling") for s, e in occ if (s, e) != (start, end))
    delta = len(variant) - len(name)
    related = tuple(Span(r.start + delta, r.end + delta, r.label) if r.start > start else r for r in related)
    defect = Defect(_C, "name-variant", start, start + len(variant), related, f"{name!r} spelled {variant!r}")
    return _Edit(start, end - start, variant, defect)


_SPEAKER_AFTER = regex.compile(r"\s*(?:said|says|told|added|wrote|['’]s\b)")


def _generic_name_options(site: _Site) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """Surname-like words: capitalised, used at least twice, once as a speaker or possessor
    ("Obama said", "Obama’s") and once after another capitalised word ("Barack Obama")."""
    text = site.text
    lower_words = {w.lower() for w in _WORD_RE.findall(text) if w.islower()}
    counts = Counter(
        w
        for w in regex.findall(r"(?<![\p{L}\-])\p{Lu}\p{Ll}{4,}(?![\p{L}\-])", text)
        if w.lower() not in lower_words
    )
    out = []
    for word, n in sorted(counts.items()):
        if n < 2:
            continue
        occ = _word_occurrences(site, word)
        as_speaker = any(_SPEAKER_AFTER.match(text, e) for _, e in occ)
        after_name = any(regex.search(r"\p{Lu}[\p{L}.]*\s$", text[max(0, s - 30) : s]) for s, _ in occ)
        if not (as_speaker and after_name):
            continue
        for pattern, repl in _GENERIC_VARIANTS:
            variant = regex.sub(pattern, repl, word, count=1)
            if variant != word and len(variant) >= 4 and variant not in text:
                out.append((word, variant, occ))
                break
    return out


def _match_case(like: str, word: str) -> str:
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _sentence_initial(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(' \t\u00a0“"‘')
    return not before or before[-1] in ".!?\n"


def _british_american(site: _Site) -> _Edit:
    voc = vocabulary()
    found: dict[str, list[tuple[int, int, str]]] = {"us": [], "gb": []}
    for us, gb in voc.us_to_gb.items():
        for variant, word in (("us", us), ("gb", gb)):
            for m in regex.finditer(
                rf"(?<![\p{{L}}\-])(?i:{regex.escape(word[0])}){regex.escape(word[1:])}(?![\p{{L}}\-])",
                site.text,
            ):
                # A capital inside a sentence is a name ("World Trade Center", "Labour Party"),
                # whose spelling is not the writer's to choose; quotations may keep a source's.
                if m.group()[0].isupper() and not _sentence_initial(site.text, m.start()):
                    continue
                if site.in_quote(m.start(), m.end()):
                    continue
                found[variant].append((m.start(), m.end(), word))
    dominant = "us" if len(found["us"]) >= len(found["gb"]) else "gb"
    occ = found[dominant]
    if len(occ) < 2:
        raise NoInjectionSite("british-american: fewer than two words with a British or American spelling")
    table = voc.us_to_gb if dominant == "us" else voc.gb_to_us
    per_word = Counter(w for _, _, w in occ)
    free = [o for o in occ if site.free(o[0], o[1])]
    repeated = [o for o in free if per_word[o[2]] >= 2]
    rnd = site.rnd
    pool = repeated if repeated and rnd.random() < 0.7 else free
    if not pool:
        raise NoInjectionSite("british-american: every spelling site is taken")
    start, end, word = rnd.choice(pool)
    other = _match_case(site.text[start:end], table[word])
    delta = len(other) - (end - start)
    rest = [o for o in occ if o[0] != start]
    rnd.shuffle(rest)
    related = tuple(
        Span(s + delta if s > start else s, e + delta if s > start else e, f"{dominant} spelling")
        for s, e, _ in sorted(rest[:3])
    )
    note = f"{site.text[start:end]!r} ({dominant}) written {other!r}"
    return _Edit(
        start, end - start, other, Defect(_C, "british-american", start, start + len(other), related, note)
    )


_QUOTED_TERM = regex.compile(r"[“\"]([\p{L}\-]+(?: [\p{L}\-]+){0,2})[”\"]")


def _quoted_term_drift(site: _Site) -> _Edit:
    voc = vocabulary()
    wordings = {w.lower(): group for _, group in voc.terms for w in group}
    by_term: dict[str, list[regex.Match[str]]] = {}
    for m in _QUOTED_TERM.finditer(site.text):
        by_term.setdefault(m.group(1).lower(), []).append(m)
    options = [(t, ms) for t, ms in sorted(by_term.items()) if len(ms) >= 2 and t in wordings]
    rnd = site.rnd
    if not options:
        raise NoInjectionSite("quoted-term-drift: no known quoted term used twice")
    term, matches = rnd.choice(options)
    later = [m for m in matches[1:] if site.free(m.start(1), m.end(1))]
    if not later:
        raise NoInjectionSite(f"quoted-term-drift: every later use of {term!r} is taken")
    m = rnd.choice(later)
    new = _match_case(m.group(1), rnd.choice([w for w in wordings[term] if w.lower() != term]))
    first = matches[0]
    defect = Defect(
        _C,
        "quoted-term-drift",
        m.start(1),
        m.start(1) + len(new),
        (Span(first.start(1), first.end(1), "first wording"),),
        f"“{m.group(1)}” quoted as “{new}”",
    )
    return _Edit(m.start(1), len(m.group(1)), new, defect)


# --------------------------------------------------------------------------------------
# Contradictions

_X = Category.CONTRADICTION
_FIGURE = regex.compile(
    r"(?P<cur>[$£€])(?P<num>\d+(?:\.\d+)?)(?P<unit>\s?(?:billion|million|trillion|bn|m)\b)?"
    r"|(?P<num2>\d+(?:\.\d+)?)(?P<pct>\s?(?:percent|per cent|%))"
)


def _conflicting_figure(site: _Site) -> _Edit:
    rnd = site.rnd
    sentences = site.sentences()
    candidates = []
    change = set(vocabulary().defects["contradictions"]["change_words"])
    ranges = set(vocabulary().defects["contradictions"]["range_words"])
    for s in sentences:
        text = site.text[s.start : s.end]
        figures = list(_FIGURE.finditer(site.text, s.start, s.end))
        other_numbers = [
            n for n in regex.findall(r"\d+(?:[.,]\d+)*", text) if not regex.fullmatch(r"(?:19|20)\d\d", n)
        ]
        if len(figures) != 1 or len(other_numbers) != 1 or site.in_quote(s.start, s.end):
            continue
        if change & {w.lower() for w in _WORD_RE.findall(text)}:
            continue
        m = figures[0]
        near = _WORD_RE.findall(site.text[max(s.start, m.start() - 40) : m.start()])[-2:]
        near += _WORD_RE.findall(site.text[m.end() : min(s.end, m.end() + 40)])[:2]
        if ranges & {w.lower() for w in near}:
            continue
        if site.free(m.start(), m.end()):
            candidates.append((s, m))
    rnd.shuffle(candidates)
    for s, m in candidates:
        para = site.doc.paragraph_at(s.start)
        later = [p for p in _paragraph_ends(site, '.”"') if para is not None and p.index > para.index]
        if not later:
            continue
        target = rnd.choice(later)
        group = "num" if m.group("num") is not None else "num2"
        old = m.group(group)
        new = _other_number(old, rnd)
        sentence = site.text[s.start : s.end]
        rel = m.start(group) - s.start
        restated = sentence[:rel] + new + sentence[rel + len(old) :]
        start = target.end + 1
        defect = Defect(
            _X,
            "conflicting-figure",
            start,
            start + len(restated),
            (Span(m.start(), m.end(), "first figure"),),
            f"{m.group()!r} restated with {new!r}",
        )
        return _Edit(target.end, 0, " " + restated, defect)
    raise NoInjectionSite("conflicting-figure: no money or percentage figure with a later paragraph")


def _other_number(old: str, rnd: _random.Random) -> str:
    value = float(old)
    decimals = len(old.split(".")[1]) if "." in old else 0
    for _ in range(20):
        factor = rnd.uniform(1.3, 2.5) if rnd.random() < 0.5 else rnd.uniform(0.35, 0.75)
        new = round(value * factor, decimals)
        text = f"{new:.{decimals}f}"
        if text != old and new > 0:
            return text
    return str(int(value) + 7)


_WEEKDAYS = list(calendar.day_name)
_MONTHS = list(calendar.month_name)[1:]
_WEEKDAY_DATE = regex.compile(
    rf"\b(?P<wd>{'|'.join(_WEEKDAYS)}),?\s+(?:(?P<d1>[0-3]?\d)\s+(?P<m1>{'|'.join(_MONTHS)})"
    rf"|(?P<m2>{'|'.join(_MONTHS)})\s+(?P<d2>[0-3]?\d))(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
)


def _wrong_weekday(site: _Site) -> _Edit:
    years = Counter(regex.findall(r"\b(?:19|20)\d\d\b", site.text))
    fallback_year = int(years.most_common(1)[0][0]) if years else None
    options = []
    for m in _WEEKDAY_DATE.finditer(site.text):
        year = int(m.group("y")) if m.group("y") else fallback_year
        if year is None or not site.free(m.start(), m.end()):
            continue
        month = _MONTHS.index(m.group("m1") or m.group("m2")) + 1
        try:
            date = dt.date(year, month, int(m.group("d1") or m.group("d2")))
        except ValueError:
            continue
        if calendar.day_name[date.weekday()] == m.group("wd"):
            options.append(m)
    if not options:
        raise NoInjectionSite("wrong-weekday: no weekday given with its correct date")
    m = site.rnd.choice(options)
    wrong = site.rnd.choice([d for d in _WEEKDAYS if d != m.group("wd")])
    start = m.start("wd")
    delta = len(wrong) - len(m.group("wd"))
    date_span = Span(m.end("wd") + delta, m.end() + delta, "date")
    defect = Defect(
        _X, "wrong-weekday", start, start + len(wrong), (date_span,), f"{m.group()!r} with {wrong}"
    )
    return _Edit(start, len(m.group("wd")), wrong, defect)


_CLAUSE_BREAK = regex.compile(
    r"[,;:()“”\"—–]|\b(?:that|which|who|said|says|and|but|or|while|as|because|if|when|than)\b"
)


def _self_reference(site: _Site) -> _Edit:
    voc = vocabulary()
    names = {c.name: c for c in voc.countries}
    pattern = regex.compile(
        r"(?<![\p{L}])(" + "|".join(sorted(map(regex.escape, names), key=len, reverse=True)) + r")(?![\p{L}])"
    )
    options = []
    for s in site.sentences():
        text = site.text[s.start : s.end]
        first = pattern.match(text)
        if not first:
            continue
        for m in pattern.finditer(text, first.end()):
            between = text[first.end() : m.start()]
            if m.group(1) == first.group(1) or _CLAUSE_BREAK.search(between) or len(between.split()) > 12:
                continue
            if site.free(s.start + m.start(), s.start + m.end()) and site.free(
                s.start, s.start + first.end()
            ):
                options.append((s, first, m))
    if not options:
        raise NoInjectionSite("self-reference: no sentence with one country acting on another")
    s, first, m = site.rnd.choice(options)
    alias = site.rnd.choice(names[first.group(1)].aliases)
    start = s.start + m.start()
    subject = Span(s.start + first.start(), s.start + first.end(), "subject")
    defect = Defect(
        _X,
        "self-reference",
        start,
        start + len(alias),
        (subject,),
        f"{m.group(1)!r} replaced by {alias!r}, an alias of the subject {first.group(1)!r}",
    )
    return _Edit(start, len(m.group(1)), alias, defect)


# --------------------------------------------------------------------------------------
# The tables and the public functions

_Injector = Callable[[_Site], _Edit]

#: category -> kind -> injector
KINDS: dict[Category, dict[str, _Injector]] = {
    _B: {
        "promo": _promo,
        "ad-marker": _ad_marker,
        "related-link": _related_link,
        "inserted-headline": _inserted_headline,
        "photo-caption": _photo_caption,
        "duplicate-paragraph": _duplicate_paragraph,
    },
    _F: {
        "truncated-sentence": _truncated_sentence,
        "subjectless-stub": _subjectless_stub,
        "orphaned-attribution": _orphaned_attribution,
        "doubled-punctuation": _doubled_punctuation,
        "first-person": _first_person,
        "unbalanced-quote": _unbalanced_quote,
    },
    _C: {
        "name-variant": _name_variant,
        "british-american": _british_american,
        "quoted-term-drift": _quoted_term_drift,
    },
    _X: {
        "conflicting-figure": _conflicting_figure,
        "wrong-weekday": _wrong_weekday,
        "self-reference": _self_reference,
    },
}

#: Kinds injected at most this many times into one article: the fragments checker treats an
#: article with several first-person sentences as written in the first person.
_MAX_PER_ARTICLE = {"first-person": 1}

_CATEGORY_NAMES = {
    "boilerplate": _B,
    "fragment": _F,
    "fragments": _F,
    "consistency": _C,
    "contradiction": _X,
    "contradictions": _X,
}


def parse_categories(categories: str | Category | Iterable[str | Category] | None) -> list[Category]:
    """``"boilerplate"``, ``["fragments", "consistency"]`` or None (all four) as categories."""
    if categories is None:
        return list(KINDS)
    if isinstance(categories, (str, Category)):
        categories = [categories]
    out = []
    for c in categories:
        key = c.value if isinstance(c, Category) else str(c).strip().lower()
        if key not in _CATEGORY_NAMES:
            valid = ", ".join(sorted(_CATEGORY_NAMES))
            raise ValueError(f"no injectors for category {c!r}; valid categories: {valid}")
        if _CATEGORY_NAMES[key] not in out:
            out.append(_CATEGORY_NAMES[key])
    return out


def _run(
    text: str,
    rnd: _random.Random,
    category: Category,
    kind: str | None,
    protect: Iterable[Span | Defect],
    exclude: Iterable[str] = (),
) -> _Edit:
    table = KINDS[category]
    if kind is not None:
        if kind not in table:
            raise ValueError(
                f"unknown {category.value} defect kind {kind!r}; valid kinds: {', '.join(table)}"
            )
        kinds = [kind]
    else:
        kinds = [k for k in table if k not in set(exclude)]
        rnd.shuffle(kinds)
    site = _Site(text, rnd, protect)
    for k in kinds:
        try:
            return table[k](site)
        except NoInjectionSite:
            if kind is not None:
                raise
    raise NoInjectionSite(f"no {category.value} defect can be injected into this text")


def _injector(category: Category) -> Callable[..., tuple[str, Defect]]:
    def inject_one(
        text: str, random: _random.Random, kind: str | None = None, *, protect: Iterable[Span | Defect] = ()
    ) -> tuple[str, Defect]:
        edit = _run(text, random, category, kind, protect)
        return edit.apply(text), edit.defect

    inject_one.__name__ = inject_one.__qualname__ = f"inject_{_FUNCTION_NAMES[category]}"
    kinds = ", ".join(f"``{k}``" for k in KINDS[category])
    inject_one.__doc__ = (
        f"Inject one {category.value} defect into ``text``; return the new text and its :class:`Defect`.\n\n"
        f"``random`` is a ``random.Random`` (seed it for repeatable damage). ``kind`` is one of {kinds}; "
        "by default a random kind that fits the text. Nothing inside a ``protect`` span (earlier "
        "defects, their related spans) is touched. Raises :class:`NoInjectionSite` when the text has "
        "no place for the defect."
    )
    return inject_one


_FUNCTION_NAMES = {_B: "boilerplate", _F: "fragment", _C: "inconsistency", _X: "contradiction"}
inject_boilerplate = _injector(_B)
inject_fragment = _injector(_F)
inject_inconsistency = _injector(_C)
inject_contradiction = _injector(_X)


def inject(
    article: LabelledArticle | str,
    random: _random.Random,
    *,
    categories: str | Category | Iterable[str | Category] | None = None,
    kind: str | None = None,
) -> LabelledArticle:
    """Inject one more defect into ``article`` and shift the labels already there.

    The category is drawn from ``categories`` (default: all four) among those with a place
    for a defect; ``kind`` forces one kind (then ``categories`` must contain its category).
    Earlier defects and their related spans are never touched. Raises
    :class:`NoInjectionSite` when nothing fits.
    """
    if isinstance(article, str):
        article = LabelledArticle(article)
    cats = parse_categories(categories)
    if kind is not None:
        cats = [c for c in cats if kind in KINDS[c]]
        if not cats:
            raise ValueError(
                f"unknown defect kind {kind!r} for categories {', '.join(c.value for c in parse_categories(categories))}"
            )
    cats = list(cats)
    random.shuffle(cats)
    used = Counter(d.kind for d in article.defects)
    exclude = [k for k, n in _MAX_PER_ARTICLE.items() if used[k] >= n]
    for cat in cats:
        try:
            edit = _run(article.text, random, cat, kind, article.defects, exclude)
        except NoInjectionSite:
            continue
        moved = [d.shifted(edit.at, edit.removed, len(edit.replacement)) for d in article.defects]
        return LabelledArticle(edit.apply(article.text), (*moved, edit.defect))
    names = ", ".join(c.value for c in cats)
    raise NoInjectionSite(f"no place for a defect of {kind or names} in this text")
