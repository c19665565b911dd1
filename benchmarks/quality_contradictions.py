"""Quality benchmark of the contradiction family (NC4xx) on the shared news corpus.

1. False positives: contradiction findings per clean article (BBC 2004-05 dev/test halves and
   the US/UK news-2012-2020 file). ``--show-fp`` prints each one for inspection.
2. Recall and precision on injected defects made from the articles' own text, with a fixed
   seed: a figure restated with another value, a naturally repeated figure altered, a weekday
   attached to a date it does not fall on, a clause restated with a negation, and a
   country/capital swapped so that a state acts on itself. A finding is a true positive when
   it (or a span it relates to) overlaps the injected span; every other contradiction finding
   on an injected article is a false positive.

Tune on ``bbc-dev`` (even-indexed BBC articles); ``bbc-test`` (odd) and ``news`` are held out.

    python benchmarks/quality_contradictions.py [--corpus DIR] [--show-fp] [--show-fn TYPE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex

from newscheck.checkers.contradictions import ContradictionChecker, SemanticContradictionChecker
from newscheck.checkers.contradictions.selfref import AliasTable, builtin_aliases
from newscheck.document import Document

SEED = 20240516
FIGURE = regex.compile(
    r"(?<![\p{L}\p{N},.$£€\-])(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:bn|m|million|billion|%|per cent))?(?=\s+\p{Ll}{3,}|[\s,.;]|$)"
    r"(?![\p{L}\p{N}])"
)
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NAMED_CLAUSE = regex.compile(
    r"(?P<subj>(?:[A-Z][\p{L}\-]+\s){0,2}[A-Z][\p{L}\-]+)\s+"
    r"(?P<aux>has|had|have|was|is|were|are|will)?\s?(?P<verb>\p{Ll}{4,}ed)\s+(?P<obj>[^.,;:“”\"]{8,70})(?=[.,])"
)
_ALIASES = builtin_aliases()
_TABLE = AliasTable(_ALIASES)


# Sentence openers that are not a named subject (pronouns, articles, connectives).
NOT_SUBJECTS = frozenset(
    "The A An It He She They We This But In On At When Some That While If".split()
)

def load(corpus: Path, name: str) -> list[dict]:
    with open(corpus / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def is_figure(m: regex.Match, text: str) -> bool:
    num = m.group("num")
    if not (m.group("cur") or m.group("scale")):
        if regex.fullmatch(r"(?:1[89]|20)\d\d", num):
            return False
        nxt = regex.match(r"\s+(\p{Ll}{3,})", text[m.end() :])
        if not nxt or nxt.group(1).lower() in {m.lower() for m in MONTHS} | {"of", "and", "the", "to", "in"}:
            return False
    before = text[max(0, m.start() - 12) : m.start()]
    return not regex.search(r"(?:\b(?:" + "|".join(MONTHS) + r")\s*|No\s?|\d[-:/]\s?)$", before)


def alter(num: str, rng: random.Random) -> str:
    value = float(num.replace(",", ""))
    factor = rng.choice([0.5, 0.6, 1.5, 1.7, 2.0, 2.5])
    new = value * factor
    if "." in num:
        decimals = len(num.split(".")[1])
        out = f"{new:.{decimals}f}"
    else:
        new = max(1, round(new))
        if new == int(value):
            new += 3
        out = f"{new:,}" if "," in num else str(new)
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def insert_paragraph(text: str, after: int, new: str) -> tuple[str, int]:
    """Insert ``new`` as a paragraph after paragraph index ``after``; return text and offset."""
    paras = paragraphs(text)
    end = paras[min(after, len(paras) - 1)][1]
    return text[:end] + "\n\n" + new + text[end:], end + 2


def sentences_of(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, start = [], lo
    for m in regex.finditer(r"[.!?][\"”’]?\s+(?=[A-Z“\"])", text[lo:hi]):
        out.append((start, lo + m.end()))
        start = lo + m.end()
    out.append((start, hi))
    return [(s, e) for s, e in out if e - s > 20]


def inject_restated_figure(text: str, rng: random.Random):
    paras = paragraphs(text)
    cands = []
    for pi, (ps, pe) in enumerate(paras[1:-1], 1):
        for s, e in sentences_of(text, ps, pe):
            sent = text[s:e].strip()
            ms = [m for m in FIGURE.finditer(sent) if is_figure(m, sent)]
            if len(ms) == 1 and 60 < len(sent) < 260 and "“" not in sent and '"' not in sent:
                cands.append((pi, sent, ms[0]))
    if not cands:
        return None
    pi, sent, m = rng.choice(cands)
    new_num = alter(m.group("num"), rng)
    restated = sent[: m.start("num")] + new_num + sent[m.end("num") :]
    after = rng.randrange(pi + 1, len(paras)) if pi + 1 < len(paras) else pi
    new_text, off = insert_paragraph(text, after, restated)
    s = off + m.start("num")
    return new_text, [(s, s + len(new_num))]


def inject_altered_repeat(text: str, rng: random.Random):
    found = defaultdict(list)
    for m in FIGURE.finditer(text):
        if not is_figure(m, text):
            continue
        nxt = regex.match(r"\s+(\p{L}+)", text[m.end() :])
        key = (
            m.group("cur") or "",
            m.group("num"),
            (m.group("scale") or "").strip(),
            "" if (m.group("cur") or m.group("scale")) else (nxt.group(1).lower() if nxt else ""),
        )
        found[key].append(m)
    cands = [ms for ms in found.values() if len(ms) >= 2 and ms[1].start() - ms[0].end() > 80]
    if not cands:
        return None
    ms = rng.choice(cands)
    a, b = ms[0], ms[1]
    target = rng.choice([a, b])
    new_num = alter(target.group("num"), rng)
    s, e = target.start("num"), target.end("num")
    new_text = text[:s] + new_num + text[e:]
    shift = len(new_num) - (e - s)
    other = b if target is a else a
    os_, oe = other.start("num"), other.end("num")
    if os_ > s:
        os_, oe = os_ + shift, oe + shift
    return new_text, [(s, s + len(new_num)), (os_, oe)]


def reference_year(text: str, fallback: int | None) -> tuple[int, bool] | None:
    """The article's year and whether its own dates give it (else the date must carry it)."""
    years = [
        int(y)
        for y in regex.findall(r"\b(?:" + "|".join(MONTHS) + r")\s+\d{1,2},?\s+((?:19|20)\d\d)\b", text)
    ]
    years += [
        int(y) for y in regex.findall(r"\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", text)
    ]
    if years:
        return max(years), True
    return (fallback, False) if fallback else None


def inject_weekday(text: str, rng: random.Random, year_info, correct: bool = False, inferred: bool = False):
    """A date beside an existing "on <weekday>". ``inferred``: only where the article's own
    day-month-year dates give the year, and without writing it; otherwise the year is written."""
    if year_info is None:
        return None
    year, inferable = year_info
    if inferred and not inferable:
        return None
    inferable = inferable and inferred
    ms = list(
        regex.finditer(
            r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![,’']|\s+\d)", text
        )
    )
    if not ms:
        return None
    m = rng.choice(ms)
    wd = WEEKDAYS.index(m.group(1))
    month = rng.randrange(1, 13)
    days = [d for d in range(1, 29) if (dt.date(year, month, d).weekday() == wd) == correct]
    day = rng.choice(days)
    british = rng.random() < 0.5
    date = f" {day} {MONTHS[month - 1]}" if british else f", {MONTHS[month - 1]} {day}"
    if not inferable:
        date += f" {year}" if british else f", {year}"  # the article's dates do not give the year
    new_text = text[: m.end()] + date + text[m.end() :]
    return new_text, [(m.start(1), m.end() + len(date))]


def base_form(verb: str) -> str:
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    if len(verb) > 5 and verb[-3] == verb[-4] and verb[-3] not in "aeiouls":
        return verb[:-3]  # stopped -> stop
    if verb.endswith(
        (
            "ated",
            "ised",
            "ized",
            "uced",
            "ved",
            "ged",
            "ibed",
            "ased",
            "ored",
            "ared",
            "ured",
            "ided",
            "uded",
            "osed",
            "ined",
            "ired",
            "aced",
            "iced",
            "ted" if verb.endswith("uted") else "~",
        )
    ):
        return verb[:-1]
    return verb[:-2]


def inject_negation(text: str, rng: random.Random):
    paras = paragraphs(text)
    cands = []
    for pi, (ps, pe) in enumerate(paras[1:-1], 1):
        for s, e in sentences_of(text, ps, pe):
            m = NAMED_CLAUSE.match(text, s, e)
            if not m or m.group("subj").split()[0] in NOT_SUBJECTS | {"Those", "These", "Many", "Most"}:
                continue
            cands.append((pi, m))
    if not cands:
        return None
    pi, m = rng.choice(cands)
    aux, verb = m.group("aux"), m.group("verb")
    if aux:
        clause = f"{m.group('subj')} {aux} not {verb} {m.group('obj').strip()}."
    else:
        clause = f"{m.group('subj')} did not {base_form(verb)} {m.group('obj').strip()}."
    after = rng.randrange(pi + 1, len(paras)) if pi + 1 < len(paras) else pi
    new_text, off = insert_paragraph(text, after, clause)
    return new_text, [(off, off + len(clause))]


def inject_self_reference(text: str, rng: random.Random):
    """Seed-style: in "A <verb …> B", where A opens a clause and B follows a lowercase word
    (not a list or a coordination), B becomes another name of A ("Russia supports Moscow's …")."""
    hits = list(_TABLE.pattern.finditer(text))
    cands = []
    for a, b in itertools.pairwise(hits):
        ea, eb = _TABLE.entity(a.group("name")), _TABLE.entity(b.group("name"))
        if ea == eb or a.group("poss"):
            continue
        between = text[a.end() : b.start()]
        opens_clause = a.start() == 0 or regex.search(
            r"(?:[.!?]\s+|,\s+|\bthat\s+|\n)(?:the\s+)?$", text[max(0, a.start() - 12) : a.start()]
        )
        if not opens_clause or not 1 <= len(between.split()) <= 10:
            continue
        if regex.search(r"[,.;:()\n]|\b(?:and|or|but)\b", between) or not regex.search(
            r"\p{Ll}+\s+(?:the\s+)?$", between
        ):
            continue
        alts = [
            n for n in _ALIASES[ea] if not n.startswith("the ") and n != a.group("name") and not n.isupper()
        ]
        if alts:
            cands.append((a, b, alts))
    if not cands:
        return None
    a, b, alts = rng.choice(cands)
    new = rng.choice(alts)
    s, e = b.start("name"), b.end("name")
    return text[:s] + new + text[e:], [(s, s + len(new))]


EVENT_PAST = regex.compile(
    r"(?P<subj>(?:[A-Z][\p{L}\-]+\s){0,2}[A-Z][\p{L}\-]+)\s+(?P<verb>visited|met|signed|launched|opened|"
    r"hosted|attended|toured|held)\s+(?P<obj>(?:the\s+)?[A-Z][\p{L}\-]+(?:\s+[A-Z][\p{L}\-]+)?|"
    r"(?:the|a|an|his|her|their)\s+\p{Ll}{3,}(?:\s+\p{Ll}{4,})?|talks|meetings?)"
)
BASE = {
    "visited": "visit",
    "met": "meet",
    "signed": "sign",
    "launched": "launch",
    "opened": "open",
    "hosted": "host",
    "attended": "attend",
    "toured": "tour",
    "held": "hold",
}


def inject_headline_tense(text: str, rng: random.Random):
    """Seed-style pasted headline: "<Subject> will <verb> <object> this week" as its own line,
    in an article whose body reports the event as done."""
    paras = paragraphs(text)
    cands = []
    for pi, (ps, pe) in enumerate(paras[1:], 1):
        for m in EVENT_PAST.finditer(text, ps, pe):
            if not (
                m.start() == ps or regex.search(r"[.!?][”\"]?\s+$", text[max(0, m.start() - 4) : m.start()])
            ):
                continue  # the subject must open a sentence
            if m.group("subj").split()[0] in MONTHS + WEEKDAYS or m.group("subj").split()[0] in NOT_SUBJECTS:
                continue
            cands.append((pi, m))
    if not cands:
        return None
    pi, m = rng.choice(cands)
    when = rng.choice(["this week", "next week", "on Friday", "later this month", ""])
    line = f"{m.group('subj')} will {BASE[m.group('verb')]} {m.group('obj')} {when}".strip()
    if rng.random() < 0.3:
        line = f"{m.group('subj')} to {BASE[m.group('verb')]} {m.group('obj')}"
    at = rng.randrange(0, len(paras) - 1) if len(paras) > 1 else 0
    new_text, off = insert_paragraph(text, at, line)
    return new_text, [(off, off + len(line))]


INJECTORS = {
    "figure-restated": lambda t, r, y: inject_restated_figure(t, r),
    "figure-altered": lambda t, r, y: inject_altered_repeat(t, r),
    "weekday-year": lambda t, r, y: inject_weekday(t, r, y),
    "weekday-inferred": lambda t, r, y: inject_weekday(t, r, y, inferred=True),
    "negation": lambda t, r, y: inject_negation(t, r),
    "self-reference": lambda t, r, y: inject_self_reference(t, r),
    "headline-tense": lambda t, r, y: inject_headline_tense(t, r),
}


def overlaps(f, spans) -> bool:
    ranges = [(f.start, f.end)] + [(s.start, s.end) for s in f.related]
    return any(a < e and s < b for a, b in ranges for s, e in spans)


def run_split(name, articles, checker, args, dated_fallback):
    clean_counts = Counter()
    clean_total = 0
    elapsed = 0.0
    words = 0
    for art in articles:
        text = art["text"]
        doc = Document(text)
        _ = doc.sentences  # segmentation is shared by every family: time only this one
        t0 = time.process_time()  # CPU time: steadier than wall time on a busy machine
        fs = list(checker.check(doc))
        elapsed += time.process_time() - t0
        words += len(text.split())
        clean_total += len(fs)
        for f in fs:
            clean_counts[f.code] += 1
            if args.show_fp:
                print(f"  FP {name} {art['id']} {f.code}: {f.message[:220]}")
    rng = random.Random(f"{SEED}-{name}")
    per_type = {}
    tp = fp = 0
    fp_codes = Counter()
    for kind, injector in INJECTORS.items():
        n = found = 0
        for art in articles:
            year = reference_year(art["text"], dated_fallback(art))
            res = injector(art["text"], rng, year)
            if res is None:
                continue
            text, spans = res
            n += 1
            fs = list(checker.check(Document(text)))
            hit = [f for f in fs if overlaps(f, spans)]
            found += bool(hit)
            tp += len(hit)
            miss = [f for f in fs if not overlaps(f, spans)]
            fp += len(miss)
            fp_codes.update(f.code for f in miss)
            if args.show_fn == kind and not hit:
                print(f"  FN {kind} {art['id']}: " + " | ".join(text[s:e] for s, e in spans)[:200])
                for s, e in spans[:1]:
                    print("     ..." + text[max(0, s - 150) : e + 60].replace("\n", " ") + "...")
        per_type[kind] = (n, found)
    # Correct weekday-date pairs must stay quiet.
    quiet_n = quiet_flagged = 0
    for art in articles:
        year = reference_year(art["text"], dated_fallback(art))
        res = inject_weekday(art["text"], rng, year, correct=True, inferred=True)
        if res is None:
            continue
        text, spans = res
        quiet_n += 1
        quiet_flagged += any(f.code == "NC402" and overlaps(f, spans) for f in checker.check(Document(text)))
    return {
        "articles": len(articles),
        "clean_fp": clean_total,
        "clean_codes": clean_counts,
        "per_type": per_type,
        "tp": tp,
        "fp": fp,
        "fp_codes": fp_codes,
        "quiet": (quiet_n, quiet_flagged),
        "ms_per_1000_words": 1000 * elapsed / max(1, words) * 1000,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    )
    ap.add_argument("--show-fp", action="store_true", help="print every finding on clean articles")
    ap.add_argument("--show-fn", default="", help="print missed injections of this type")
    ap.add_argument("--split", default="", help="run only this split (bbc-dev, bbc-test, news)")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown (for the docs)")
    ap.add_argument(
        "--semantic",
        action="store_true",
        help="measure NC407 with the built-in lexical scorer instead of NC401-NC406",
    )
    args = ap.parse_args(argv)
    bbc = load(args.corpus, "bbc-clean-dev.jsonl")
    news = load(args.corpus, "news-2012-2020-dev.jsonl")
    checker = SemanticContradictionChecker() if args.semantic else ContradictionChecker()
    splits = {
        "bbc-dev": (bbc[0::2], lambda a: 2004),
        "bbc-test": (bbc[1::2], lambda a: 2004),
        "news": (news, lambda a: int(a["date"][:4]) if (a.get("date") or "")[:4].isdigit() else None),
    }
    results = {}
    for name, (arts, fallback) in splits.items():
        if args.split and name != args.split:
            continue
        results[name] = run_split(name, arts, checker, args, fallback)
    kinds = list(INJECTORS)
    print()
    print(
        f"{'split':<9} {'arts':>5} {'FP/art':>7} "
        + " ".join(f"{k[:15]:>15}" for k in kinds)
        + f" {'recall':>7} {'prec':>6} {'ms/1kw':>7}"
    )
    for name, r in results.items():
        cells = []
        n_all = f_all = 0
        for k in kinds:
            n, f = r["per_type"][k]
            n_all += n
            f_all += f
            cells.append(f"{f:>4}/{n:<4} {f / max(1, n):.2f}")
        prec = r["tp"] / max(1, r["tp"] + r["fp"])
        print(
            f"{name:<9} {r['articles']:>5} {r['clean_fp'] / r['articles']:>7.3f} "
            + " ".join(f"{c:>15}" for c in cells)
            + f" {f_all / max(1, n_all):>7.2f} {prec:>6.2f} {r['ms_per_1000_words']:>7.2f}"
        )
    if args.markdown:
        print()
        print(
            "| split (articles) | clean findings per article | "
            + " | ".join(kinds)
            + " | recall | precision |"
        )
        print("|---" * (len(kinds) + 4) + "|")
        for name, r in results.items():
            n_all = sum(n for n, _ in r["per_type"].values())
            f_all = sum(f for _, f in r["per_type"].values())
            cells = [f"{f}/{n} {f / max(1, n):.2f}" for n, f in (r["per_type"][k] for k in kinds)]
            prec = r["tp"] / max(1, r["tp"] + r["fp"])
            print(
                f"| {name} ({r['articles']}) | {r['clean_fp'] / r['articles']:.3f} | "
                + " | ".join(cells)
                + f" | {f_all / max(1, n_all):.2f} | {prec:.2f} |"
            )
    print()
    for name, r in results.items():
        hard = [k for k in kinds if k != "weekday-year"]
        n_h = sum(r["per_type"][k][0] for k in hard)
        f_h = sum(r["per_type"][k][1] for k in hard)
        print(
            f"{name}: recall without the weekday-year injections (year written beside the date): "
            f"{f_h}/{n_h} = {f_h / max(1, n_h):.2f}"
        )
    for name, r in results.items():
        qn, qf = r["quiet"]
        print(
            f"{name}: clean findings by code {dict(r['clean_codes'])}; FPs on injected articles by code "
            f"{dict(r['fp_codes'])}; correct weekday-dates flagged {qf}/{qn}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
