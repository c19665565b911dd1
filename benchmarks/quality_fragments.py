"""Measure the fragments checkers (NC2xx) on real news text.

1. False positives: fragment findings per clean article (BBC and news-2012-2020 corpora).
2. Precision/recall: one labelled defect, made from the article's own (or another article's)
   real sentences, is injected into each article with a fixed seed; a finding is a true
   positive if it overlaps the injected span. Precision counts every fragment finding in the
   injected articles, so noise on the clean text around the defect counts against it. On the
   news corpus, findings on its own inspected real defects (KNOWN_REAL_NEWS) are also shown
   counted as true positives ("adjusted").

Tune on even-indexed BBC articles ("dev"); report odd-indexed BBC ("test") and news-2012-2020.

    python benchmarks/quality_fragments.py [--corpus DIR] [--show-fp N] [--show-miss TYPE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex as re

from newscheck import Linter

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = 20240516

ATTRIB = r"(?:said|says|added|told reporters|explained|noted|warned)"


def load(corpus: Path, name: str) -> list[str]:
    with open(corpus / name, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs as (start, end) spans, trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        s, e = m.span()
        if text[s:e].strip():
            out.append((s, e))
    return out


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs after the first, ending with a full stop and at least 12 words long."""
    return [
        (s, e)
        for s, e in paragraphs(text)[1:]
        if text[s:e].rstrip().endswith((".", '."', ".”")) and len(text[s:e].split()) >= 12
    ]


def sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A crude independent sentence split (not the library's) on '. ' + capital."""
    out = []
    start = s
    for m in re.finditer(r"(?<=[a-z0-9%][.!?])[\"”]?\s+(?=[\"“]?[A-Z])", text[s:e]):
        out.append((start, s + m.start()))
        start = s + m.end()
    out.append((start, e))
    return out


# -- injectors: each returns (new_text, (span_start, span_end)) or None ---------------------


def inject_truncate(text: str, rng: random.Random, donors: list[str]):
    """Cut a paragraph's last sentence off at a random word (the seed's 'building a')."""
    paras = body_paragraphs(text)
    rng.shuffle(paras)
    for s, e in paras:
        sents = sentences(text, s, e)
        ls, le = sents[-1]
        words = list(re.finditer(r"\S+", text[ls:le]))
        if len(words) < 6:
            continue
        k = rng.randint(3, len(words) - 2)
        cut = ls + words[k - 1].end()
        piece = text[ls:cut].rstrip(",;:—-\"“”'.")
        cut = ls + len(piece)
        if any(c in text[ls:e] for c in '"“”'):
            continue  # cutting a quotation would inject an unbalanced quote as well
        return text[:cut] + text[e:], (ls, cut)
    return None


def inject_stub(text: str, rng: random.Random, donors: list[str]):
    """Split a verb phrase off a real sentence as its own sentence ('Has entered.', 'continues to supply.')."""
    paras = body_paragraphs(text)
    rng.shuffle(paras)
    for s, e in paras:
        for ss, se in sentences(text, s, e):
            sent = text[ss:se]
            m = re.search(
                r"(?<=\b(?:he|she|it|they|[a-z]+s|[A-Z][a-z]+) )"
                r"((?:has|have|had|is|was|were|are|will|would|can|could|continues|remains|plans|wants|"
                r"says|said|added|became|returned|entered|announced|decided|agreed|warned|"
                r"[a-z]{3,}ed)\b[^,.;:\"“”()]{0,40}?)\s*[.,]",
                sent,
            )
            if not m or '"' in sent or "“" in sent:
                continue
            stub = m.group(1).strip()
            words = stub.split()
            stub = " ".join(words[: rng.randint(1, min(4, len(words)))])
            if rng.random() < 0.5:
                stub = stub[0].upper() + stub[1:]
            stub += "."
            at = e
            return text[:at] + " " + stub + text[at:], (at + 1, at + 1 + len(stub))
    return None


def inject_orphan(text: str, rng: random.Random, donors: list[str]):
    """Turn ', X said.' into '. X said.' / '. said.', or ',” said' into '.” said' / '. ” said'."""
    cands = list(re.finditer(rf'(,)(["”])(\s+{ATTRIB}\b)', text))
    cands += list(re.finditer(rf"(,)()(\s+(?:he |she |they )?{ATTRIB}\.)", text))
    if not cands:
        return None
    m = rng.choice(cands)
    a = m.start(1)
    if m.group(2):
        repl = rng.choice([".", ". "]) + m.group(2)
        end = text.find(".", m.end())
        end = len(text) if end < 0 else end + 1
        return text[:a] + repl + text[m.end(2) :], (a, end + len(repl) - 2)
    tail = m.group(3)
    if rng.random() < 0.5:
        tail = re.sub(r"\s+(?:he |she |they )", " ", tail)
    return text[:a] + "." + tail + text[m.end(3) :], (a, a + 1 + len(tail))


def inject_doubled(text: str, rng: random.Random, donors: list[str]):
    cands = [m.start() for m in re.finditer(r"(?<=[a-z])[.,](?=\s)", text)]
    if not cands:
        return None
    a = rng.choice(cands)
    mark = text[a]
    dup = rng.choice([" " + mark, mark]) if mark == "." else rng.choice([",", ".", " ,"])
    if mark == "." and dup == ".":
        dup = " ."
    return text[: a + 1] + dup + text[a + 1 :], (a, a + 1 + len(dup))


def inject_spaced(text: str, rng: random.Random, donors: list[str]):
    cands = [m.start() for m in re.finditer(r"(?<=[a-z])[.,;](?=\s)", text)]
    if not cands:
        return None
    a = rng.choice(cands)
    return text[:a] + " " + text[a:], (a, a + 2)


def inject_quote(text: str, rng: random.Random, donors: list[str]):
    """Drop one mark of a quotation inside a paragraph (not one that runs on)."""
    cands = []
    for s, e in paragraphs(text)[1:]:
        marks = [m.start() for m in re.finditer(r'["“”]', text[s:e])]
        if (
            not marks
            or len(marks) % 2
            or any(text[s + a] == "”" or text[s + b] == "“" for a, b in zip(marks[0::2], marks[1::2]))
        ):
            continue
        cands.extend((s + a, s + b + 1) for a, b in zip(marks[0::2], marks[1::2]) if b - a > 8)
    if not cands:
        return None
    a, b = rng.choice(cands)
    if rng.random() < 0.5:
        return text[:a] + text[a + 1 :], (a, b - 1)
    return text[: b - 1] + text[b:], (a, b - 1)


def inject_bracket(text: str, rng: random.Random, donors: list[str]):
    cands = [m.span() for m in re.finditer(r"\([^()\n]{2,80}\)", text)]
    if not cands:
        return None
    a, b = rng.choice(cands)
    if rng.random() < 0.5:
        return text[:a] + text[a + 1 :], (a, b - 1)
    return text[: b - 1] + text[b:], (a, b - 1)


# Finite verbs for the injector's own check (independent of the checker's lexicon): a tail with
# one of these, or an -ed word, is a clause, not an apposition, unless it is a relative clause.
_CLAUSE_WORDS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|"
    r"says|said|makes|made|takes|took|gets|got|goes|went|comes|came|gives|gave|sees|saw|knows|knew|"
    r"thinks|thought|wants|needs|uses|used|seems|seemed|remains|became|becomes|[a-z]+ed)\b"
)
_RELATIVE = re.compile(r"^(?:a|an|the) [a-z\- ]+ (?:that|which|who) ")


def inject_verbless(text: str, rng: random.Random, donors: list[str]):
    """Split an apposition off its sentence: 'said X, a professor at Y.' -> 'said X. A professor at Y.'"""
    paras = body_paragraphs(text)
    rng.shuffle(paras)
    for s, e in paras:
        for ss, se in sentences(text, s, e):
            sent = text[ss:se]
            m = re.search(r", ((?:a|an|the) [^,;:\"“”()]{10,90}\.)$", sent)
            if not m or len(sent[: m.start()].split()) < 5 or len(m.group(1).split()) < 4:
                continue
            tail = m.group(1)
            if _CLAUSE_WORDS.search(tail) and not _RELATIVE.match(tail):
                continue
            tail = tail[0].upper() + tail[1:]
            a = ss + m.start()
            return text[:a] + ". " + tail + text[se:], (a + 2, a + 2 + len(tail))
    return None


_FIRST_PERSON = re.compile(r"[\"“](I [a-z][^\"“”]{8,120}?[.,])[\"”]")


def inject_first_person(text: str, rng: random.Random, donors: list[str]):
    """Insert a first-person sentence quoted in another article, without its quotation marks."""
    order = list(range(len(donors)))
    rng.shuffle(order)
    for i in order[:200]:
        ms = _FIRST_PERSON.findall(donors[i])
        if ms:
            sent = ms[0][:-1] + "."
            break
    else:
        return None
    paras = body_paragraphs(text)
    if not paras:
        return None
    _, e = rng.choice(paras)
    return text[:e] + " " + sent + text[e:], (e + 1, e + 1 + len(sent))


INJECTORS = {
    "truncate": inject_truncate,
    "stub": inject_stub,
    "orphan": inject_orphan,
    "doubled": inject_doubled,
    "spaced": inject_spaced,
    "quote": inject_quote,
    "bracket": inject_bracket,
    "verbless": inject_verbless,
    "first-person": inject_first_person,
}


# -- real defects in the news corpus -----------------------------------------------------------

# Findings on the "clean" news-2012-2020-dev articles that were inspected by hand and are real
# defects of the scraped text (a missing full stop, a quotation mark never closed, boilerplate
# left in the body): article index -> (code, text found within 60 characters of the finding,
# what is wrong). They count as true positives in the "adjusted" columns. Everything else found
# on clean text counts as a false alarm. Re-inspect after changing the checker.
KNOWN_REAL_NEWS: dict[int, list[tuple[str, str, str]]] = {
    15: [("NC208", 'sensitive areas."', "stray closing quotation mark")],
    19: [("NC208", "American people,”", "quotation never opened")],
    46: [("NC202", "share of the popular votes", "no full stop")],
    50: [("NC208", "'burn the", "single mark opens, double mark closes")],
    56: [("NC202", "[email protected]", "licensing boilerplate, mangled e-mail")],
    67: [("NC204", "After 9/11. she", "stray full stop"), ("NC208", "of the C.I.A.”", "stray closing mark")],
    68: [("NC208", "\"illegal'", "double mark opens, single mark closes")],
    75: [("NC202", "This article is more than", "archive boilerplate")],
    108: [("NC208", "“For all the sturm", "quotation never closed")],
    127: [("NC207", "Victor Star ,", "space before comma")],
    133: [("NC202", "Frank Luntz, political consultant", "pull-quote credit run into the text")],
    136: [("NC202", "the leaks were political", "no full stop")],
    137: [("NC202", "protected by recaptcha", "newsletter boilerplate"), ("NC202", "NBC News app", "promo")],
    159: [("NC208", 'Bloomberg said."', "stray closing mark")],
    170: [("NC202", "Follow US news", "promo")],
    173: [("NC202", "CDC outlines Ebola policies", "headline run into the text")],
    203: [
        ("NC208", 'amnesty."Cruz', "quotation marks glued to the words"),
        ("NC211", "We cannot solve this crisis", "quotation with glued marks"),
        ("NC211", "And I'm unwilling", "quotation with glued marks"),
    ],
    204: [("NC205", ".” he said.", "full stop before the attribution")],
    214: [("NC208", 'law enforcement," he continued', "quotation marks glued to the words")],
    215: [("NC208", "December,” ABC News", "quotation never opened")],
    245: [("NC202", "diligently remained in", "paragraph split mid-sentence")],
    260: [("NC207", "Law Act .", "space before full stop")],
    271: [("NC202", "by farmers and ranchers", "no full stop")],
    285: [("NC202", "Read more", "related-link boilerplate")],
    288: [("NC207", "voters ,and", "space before comma")],
    289: [("NC208", "“Discrediting", "quotation never closed")],
    295: [("NC202", "This article is more than", "archive boilerplate")],
    307: [("NC208", '"If we just stand', "paragraph split mid-quotation"), ("NC208", 'benefit, "', "same")],
    312: [("NC202", "do not reflect America", "no full stop")],
    345: [("NC208", '"Because I ask', "quotation never closed")],
    360: [("NC208", '"I believe Pakistanis', "quotation never closed")],
    368: [("NC208", "this thing would be home.”", "quotation marks glued to the words (said.”If)")],
    372: [("NC202", "protected by recaptcha", "newsletter boilerplate")],
    378: [
        ("NC202", "the US recorded", "sentence cut off"),
        ("NC208", "“There’s no guarantee", "never closed"),
    ],
    398: [("NC202", "Global warming will harm", "chart labels scraped into the text")],
    399: [("NC202", "This article is more than", "archive boilerplate")],
    415: [("NC207", "workers ,and", "space before comma"), ("NC204", "In 1997. when", "stray full stop")],
    441: [("NC202", "policies are the reason", "no full stop")],
    449: [("NC208", "reunion,'", "double mark opens, single mark closes")],
    456: [("NC208", 'virus."', "stray closing mark")],
    465: [("NC208", "“suspended’", "double mark opens, single mark closes")],
    482: [("NC208", '"House Republicans lack "any', "doubled opening mark")],
    483: [("NC202", "This article is more than", "archive boilerplate")],
    484: [("NC208", "mismanagement”", "link text scraped into the sentence")],
    496: [("NC202", "Shame, shame, shame", "related-link boilerplate")],
}


def is_known_real(known: dict[int, list[tuple[str, str, str]]], i: int, f, text: str) -> bool:
    window = text[max(0, f.start - 60) : f.end + 60]
    return any(code == f.code and snippet in window for code, snippet, _ in known.get(i, ()))


# -- measuring -------------------------------------------------------------------------------


def measure_clean(linter: Linter, texts: list[str], known=None):
    per_code: Counter[str] = Counter()
    examples = []
    real = 0
    for i, t in enumerate(texts):
        for f in linter.check(t).findings:
            per_code[f.code] += 1
            if known and is_known_real(known, i, f, t):
                real += 1
            else:
                examples.append((i, f, t))
    return per_code, examples, real


def measure_injected(
    linter: Linter, texts: list[str], donors: list[str], seed: int, rounds: int = 3, known=None
):
    """Each article gets ``rounds`` separate copies, each with one defect of a different kind."""
    kinds = list(INJECTORS)
    stats = defaultdict(lambda: Counter())
    misses = defaultdict(list)
    fps = []
    jobs = [(i, r) for r in range(rounds) for i in range(len(texts))]
    for i, r in jobs:
        t = texts[i]
        kind = kinds[(i + 4 * r) % len(kinds)]
        rng = random.Random(f"{seed}-{i}-{r}")
        got = INJECTORS[kind](t, rng, donors)
        if got is None:
            continue
        new, (a, b) = got
        findings = linter.check(new).findings
        hit = False
        for f in findings:
            overlaps = f.start < b and a < f.end or (f.start == f.end and a <= f.start <= b)
            stats[kind]["findings"] += 1
            if overlaps:
                stats[kind]["tp_findings"] += 1
                hit = True
            elif known and is_known_real(known, i, f, new):
                stats[kind]["real_findings"] += 1
            else:
                fps.append((kind, f, new))
        stats[kind]["injected"] += 1
        stats[kind]["hit"] += hit
        if not hit:
            misses[kind].append(new[max(0, a - 80) : b + 40])
    return stats, misses, fps


def table(name: str, stats, adjusted: bool = False) -> tuple[float, float]:
    """Recall and precision per defect; with ``adjusted``, a last column counting findings on
    the corpus's own inspected defects (KNOWN_REAL_NEWS) as true positives."""
    print(f"\n{name}")
    extra = f"{'adjusted':>10}" if adjusted else ""
    print(f"  {'defect':<14}{'injected':>9}{'recall':>8}{'precision':>10}{extra}")
    tot = Counter()

    def row(label: str, s: Counter) -> float:
        prec = s["tp_findings"] / s["findings"] if s["findings"] else 1.0
        adj = (s["tp_findings"] + s["real_findings"]) / s["findings"] if s["findings"] else 1.0
        more = f"{adj:>10.2f}" if adjusted else ""
        print(f"  {label:<14}{s['injected']:>9}{s['hit'] / s['injected']:>8.2f}{prec:>10.2f}{more}")
        return prec

    for kind in INJECTORS:
        s = stats.get(kind)
        if not s:
            continue
        tot.update(s)
        row(kind, s)
    p = row("ALL", tot)
    r = tot["hit"] / tot["injected"] if tot["injected"] else 0.0
    return p, r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show-fp", type=int, default=0, help="print N clean-text findings per corpus")
    ap.add_argument("--show-miss", default="", help="print missed injections of this defect type")
    ap.add_argument("--show-injected-fp", type=int, default=0)
    ap.add_argument("--split", default="all", choices=["dev", "all"])
    args = ap.parse_args(argv)

    linter = Linter(select=["fragment"])
    bbc = load(args.corpus, "bbc-clean-dev.jsonl")
    news = load(args.corpus, "news-2012-2020-dev.jsonl")
    sets = {"bbc-dev (even)": bbc[0::2], "bbc-test (odd)": bbc[1::2], "news-2012-2020": news}
    if args.split == "dev":
        sets = {"bbc-dev (even)": bbc[0::2]}

    known = {"news-2012-2020": KNOWN_REAL_NEWS}
    print("Clean articles: fragment findings per article")
    for name, texts in sets.items():
        t0 = time.perf_counter()
        per_code, examples, real = measure_clean(linter, texts, known.get(name))
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        total = sum(per_code.values())
        print(
            f"  {name:<16} {len(texts)} articles, {total} findings, {total / len(texts):.3f}/article, "
            f"{ms:.2f} ms/article  {dict(sorted(per_code.items()))}"
        )
        if name in known:
            print(
                f"  {'':<16} of which {real} on inspected real defects of the corpus; false alarms "
                f"{total - real}, {(total - real) / len(texts):.3f}/article"
            )
        for i, f, t in examples[: args.show_fp]:
            ctx = t[max(0, f.start - 60) : f.end + 30].replace("\n", "⏎")
            print(f"    [{i}] {f.code} {f.name}: …{ctx}…")

    results = {}
    for name, texts in sets.items():
        stats, misses, fps = measure_injected(linter, texts, bbc + news, SEED, known=known.get(name))
        results[name] = table(f"Injected defects — {name}", stats, adjusted=name in known)
        for m in misses.get(args.show_miss, [])[:25]:
            print("    MISS:", m.replace("\n", "⏎"))
        for kind, f, t in fps[: args.show_injected_fp]:
            ctx = t[max(0, f.start - 60) : f.end + 30].replace("\n", "⏎")
            print(f"    FP[{kind}] {f.code}: …{ctx}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
