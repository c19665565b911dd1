"""Measure the fragments checkers (NC2xx) on real news text.

1. False positives: fragment findings per clean article (BBC and news-2012-2020 corpora).
2. Precision/recall: one labelled defect, made from the article's own (or another article's)
   real sentences, is injected into each article with a fixed seed; a finding is a true
   positive if it overlaps the injected span. Precision counts every fragment finding in the
   injected articles, so noise on the clean text around the defect counts against it.

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


# -- measuring -------------------------------------------------------------------------------


def measure_clean(linter: Linter, texts: list[str]):
    per_code: Counter[str] = Counter()
    examples = []
    for i, t in enumerate(texts):
        for f in linter.check(t).findings:
            per_code[f.code] += 1
            examples.append((i, f, t))
    return per_code, examples


def measure_injected(linter: Linter, texts: list[str], donors: list[str], seed: int, rounds: int = 3):
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
            else:
                fps.append((kind, f, new))
        stats[kind]["injected"] += 1
        stats[kind]["hit"] += hit
        if not hit:
            misses[kind].append(new[max(0, a - 80) : b + 40])
    return stats, misses, fps


def table(name: str, stats) -> tuple[float, float]:
    print(f"\n{name}")
    print(f"  {'defect':<14}{'injected':>9}{'recall':>8}{'precision':>10}")
    tot = Counter()
    for kind in INJECTORS:
        s = stats.get(kind)
        if not s:
            continue
        tot.update(s)
        prec = s["tp_findings"] / s["findings"] if s["findings"] else 1.0
        print(f"  {kind:<14}{s['injected']:>9}{s['hit'] / s['injected']:>8.2f}{prec:>10.2f}")
    p = tot["tp_findings"] / tot["findings"] if tot["findings"] else 1.0
    r = tot["hit"] / tot["injected"] if tot["injected"] else 0.0
    print(f"  {'ALL':<14}{tot['injected']:>9}{r:>8.2f}{p:>10.2f}")
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

    print("Clean articles: fragment findings per article")
    for name, texts in sets.items():
        t0 = time.perf_counter()
        per_code, examples = measure_clean(linter, texts)
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        total = sum(per_code.values())
        print(
            f"  {name:<16} {len(texts)} articles, {total} findings, {total / len(texts):.3f}/article, "
            f"{ms:.2f} ms/article  {dict(sorted(per_code.items()))}"
        )
        for i, f, t in examples[: args.show_fp]:
            ctx = t[max(0, f.start - 60) : f.end + 30].replace("\n", "⏎")
            print(f"    [{i}] {f.code} {f.name}: …{ctx}…")

    results = {}
    for name, texts in sets.items():
        stats, misses, fps = measure_injected(linter, texts, bbc + news, SEED)
        results[name] = table(f"Injected defects — {name}", stats)
        for m in misses.get(args.show_miss, [])[:25]:
            print("    MISS:", m.replace("\n", "⏎"))
        for kind, f, t in fps[: args.show_injected_fp]:
            ctx = t[max(0, f.start - 60) : f.end + 30].replace("\n", "⏎")
            print(f"    FP[{kind}] {f.code}: …{ctx}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
