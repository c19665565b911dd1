"""Clean, news-shaped articles built from the templates in ``data/`` with any ``random.Random``.

The same code serves hypothesis (through ``st.randoms()``) and plain seeded generation, so a
benchmark and a property test see the same kind of article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from ._data import vocabulary

__all__ = ["MAX_PARAGRAPHS", "QUOTE_STYLES", "STORIES", "VARIANTS", "generate_article"]

VARIANTS = ("us", "gb")
QUOTE_STYLES = ("curly", "straight")
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
#: The kinds of story: a diplomatic visit, a company's annual results.
STORIES = ("summit", "business")
#: No paragraph is ever repeated, so an article has at most this many (the story sections
#: plus each filler once, in the story with the fewest fillers).
MAX_PARAGRAPHS = 11 + min(
    len(vocabulary().templates["filler"]), len(vocabulary().templates["business"]["filler"])
)
_SLOT = regex.compile(r"\{(~?)([A-Za-z_0-9]+)\}")


@dataclass(frozen=True, slots=True)
class _Person:
    given: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


def _spell(word: str, variant: str) -> str:
    voc = vocabulary()
    if word not in voc.us_to_gb:
        raise KeyError(f"template word {word!r} is not in spelling_us_gb.tsv")
    return word if variant == "us" else voc.us_to_gb[word]


def _fill(template: str, facts: dict[str, str], variant: str) -> str:
    def sub(m: regex.Match[str]) -> str:
        return _spell(m.group(2), variant) if m.group(1) else facts[m.group(2)]

    return _SLOT.sub(sub, template)


def _distinct_people(rnd: random.Random, surnames: list[str], count: int) -> list[_Person]:
    """People whose given names differ and whose surnames are not near-spellings of each other."""
    voc = vocabulary()
    chosen: list[_Person] = []
    taken_given: set[str] = set()
    while len(chosen) < count:
        surname = rnd.choice(surnames)
        given = rnd.choice(voc.given)
        if given in taken_given or any(fuzz.ratio(surname, p.surname) >= 60 for p in chosen):
            continue
        if any(fuzz.ratio(given, p.given) >= 70 for p in chosen):
            continue
        taken_given.add(given)
        chosen.append(_Person(given, surname))
    return chosen


def _company_name(rnd: random.Random, people: tuple[_Person, ...]) -> str:
    names = [n for n in vocabulary().surnames if all(fuzz.ratio(n, p.surname) < 60 for p in people)]
    return rnd.choice(names)


def _a(phrase: str) -> str:
    return f"an {phrase}" if phrase[:1].lower() in "aeiou" else f"a {phrase}"


def _money(rnd: random.Random, variant: str, scale: str = "billion") -> str:
    if scale == "million":
        amount = rnd.randrange(20, 950, 5)
        if variant == "gb" and rnd.random() < 0.5:
            return f"£{amount}m"
        return f"${amount} million"
    if variant == "gb" and rnd.random() < 0.5:
        whole = rnd.randint(2, 90)
        return f"£{whole}bn" if rnd.random() < 0.5 else f"£{whole}.{rnd.randint(1, 9)}bn"
    amount = rnd.randint(2, 400)
    if rnd.random() < 0.3:
        return f"${amount}.{rnd.randint(1, 9)} billion"
    return f"${amount} billion"


def _dates(rnd: random.Random, variant: str) -> dict[str, str]:
    year = rnd.randint(2012, 2025)
    month = rnd.randint(1, 12)
    day = rnd.randint(1, calendar.monthrange(year, month)[1])
    date = dt.date(year, month, day)
    weekday = calendar.day_name[date.weekday()]
    other = calendar.day_name[(date.weekday() + rnd.randint(1, 6)) % 7]
    month_name = calendar.month_name[month]
    plain = f"{month_name} {day}, {year}" if variant == "us" else f"{day} {month_name} {year}"
    full = f"{weekday}, {plain}" if variant == "us" else f"{weekday} {plain}"
    return {
        "weekday": weekday,
        "weekday2": other,
        "date_full": full,
        "date_plain": plain,
        "since_year": str(year - rnd.randint(3, 12)),
    }


def generate_article(
    rnd: random.Random,
    *,
    paragraphs: int | None = None,
    variant: str = "us",
    captions: bool = False,
    dateline: bool | None = None,
    lists: bool = True,
    quotes: str = "curly",
    story: str | None = None,
) -> str:
    """A clean article: a headline, then ``paragraphs`` body paragraphs separated by blank lines.

    ``quotes="straight"`` writes typewriter quotes and apostrophes instead of curly ones;
    ``story`` is one of :data:`STORIES` (by default drawn from ``rnd``).
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown English variant {variant!r}; use one of: {', '.join(VARIANTS)}")
    if quotes not in QUOTE_STYLES:
        raise ValueError(f"unknown quote style {quotes!r}; use one of: {', '.join(QUOTE_STYLES)}")
    if story is not None and story not in STORIES:
        raise ValueError(f"unknown story {story!r}; use one of: {', '.join(STORIES)}")
    story = story or rnd.choice(STORIES)
    voc = vocabulary()
    tpl = dict(voc.templates)
    words = dict(tpl["words"])
    if story != "summit":
        tpl.update(voc.templates[story])
        words.update(voc.templates[story]["words"])
    n_body = paragraphs if paragraphs is not None else rnd.randint(8, 14)
    most = MAX_PARAGRAPHS
    if not 1 <= n_body <= most:
        raise ValueError(f"paragraphs must be between 1 and {most}, got {n_body}")

    country_a, country_b = rnd.sample(list(voc.countries), 2)
    leader_a, leader_b, analyst = _distinct_people(rnd, list(voc.surnames), 3)
    local_surname = rnd.choice(sorted(voc.translit_surnames))
    while any(fuzz.ratio(local_surname, p.surname) >= 60 for p in (leader_a, leader_b, analyst)):
        local_surname = rnd.choice(sorted(voc.translit_surnames))
    local_given = rnd.choice(
        [g for g in voc.given if g not in (leader_a.given, leader_b.given, analyst.given)]
    )
    title_a, title_b = rnd.choice(country_a.titles), rnd.choice(country_b.titles)
    sectors = rnd.sample(words["sectors"], 3)
    nouns = words.get("term_nouns")
    term_noun, wordings = rnd.choice([t for t in voc.terms if nouns is None or t[0] in nouns])
    event_i = rnd.randrange(len(words["event"]))
    facts = {
        "A": country_a.name,
        "B": country_b.name,
        "A_adj": country_a.adjective,
        "B_adj": country_b.adjective,
        "A_cap": country_a.capital,
        "B_cap": country_b.capital,
        "leaderA": leader_a.surname,
        "leaderA_name": leader_a.full,
        "leaderB_name": leader_b.full,
        "leaderB": leader_b.surname,
        "leaderA_full": f"{country_a.adjective} {title_a} {leader_a.full}",
        "leaderB_full": f"{country_b.adjective} {title_b} {leader_b.full}",
        "company": f"{_company_name(rnd, (leader_a, leader_b, analyst))} {rnd.choice(words.get('company_suffix', ['Group']))}",
        "titleB": title_b,
        "analyst": analyst.surname,
        "analyst_full": f"{analyst.full}, {_a(rnd.choice(voc.fields))} analyst at {rnd.choice(voc.institutions)}",
        "local": local_surname,
        "local_full": f"{local_given} {local_surname}",
        "place": rnd.choice(sorted(voc.places)),
        "event": words["event"][event_i],
        "event_a": words["event_a"][event_i],
        "g1": sectors[0],
        "g2": sectors[1],
        "g3": sectors[2],
        "goods": rnd.choice(words["goods"]),
        "n_word": rnd.choice(words["n_word"]),
        "term": wordings[0],
        "term_noun": term_noun,
        "money": _money(rnd, variant, words.get("money_scale", "billion")),
        "pct": f"{rnd.randint(5, 60)} {_spell('percent', variant)}",
        "count": str(rnd.randrange(100, 900, 50)),
        "agency": rnd.choice(voc.agencies),
        "photographer": rnd.choice(voc.photographers),
    }
    if story == "business":
        facts["leaderA_full"] = f"Chief Executive {leader_a.full}"
        facts["leaderB_full"] = f"Chief Financial Officer {leader_b.full}"
    facts.update(_dates(rnd, variant))
    q1, q2 = rnd.sample(words["quotes"], 2)
    facts.update(q1=q1, q2=q2, aq=rnd.choice(words["analyst_quotes"]))

    def pick(section: str) -> str:
        return _fill(rnd.choice(tpl[section]), facts, variant)

    def figures() -> str:
        parts = [pick("figures")]
        if rnd.random() < 0.6:
            parts.append(pick("shares"))
        if rnd.random() < 0.5:
            parts.append(pick("counts"))
        return " ".join(parts)

    def listing() -> str:
        if lists and rnd.random() < 0.3:
            items = "\n".join(f"- {s}" for s in sectors)
            return f"{pick('bullet_lead')}\n{items}"
        return pick("lists")

    def lede() -> str:
        text = pick("lede")
        use_dateline = rnd.random() < 0.5 if dateline is None else dateline
        if use_dateline:
            text = f"{country_a.capital.upper()} ({facts['agency']}) — {text}"
        return text

    # Sections in story order; those marked True are kept first when paragraphs are few.
    plan: list[tuple[str, Callable[[], str], bool]] = [
        ("lede", lede, True),
        ("dated", lambda: pick("dated"), True),
        ("quote_leader", lambda: pick("quote_leader"), True),
        ("figures", figures, True),
        ("clause", lambda: pick("clause"), True),
        ("lists", listing, False),
        ("local", lambda: pick("local"), True),
        ("quote_analyst", lambda: pick("quote_analyst"), False),
        ("term_again", lambda: pick("term_again"), True),
        ("local_again", lambda: pick("local_again"), False),
        ("closing", lambda: pick("closing"), False),
    ]
    keep = [p for p in plan if p[2]] + [p for p in plan if not p[2]]
    chosen_names = {name for name, _, _ in keep[:n_body]}
    body = [make() for name, make, _ in plan if name in chosen_names]
    fillers = list(tpl["filler"])
    rnd.shuffle(fillers)
    while len(body) < n_body:
        filler = _fill(fillers.pop(), facts, variant)
        body.insert(rnd.randint(2, len(body) - 1) if len(body) > 2 else len(body), filler)
    if captions:
        for template in rnd.sample(tpl["caption"], rnd.randint(1, len(tpl["caption"]))):
            body.insert(rnd.randint(1, len(body)), _fill(template, facts, variant))
    text = "\n\n".join([pick("headline"), *body]) + "\n"
    if quotes == "straight":
        text = text.translate(_STRAIGHT)
    return text
