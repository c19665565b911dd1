"""Recall of injected defects and false alarms on clean generated articles, per family.

For each family: 200 articles with 1–3 injected defects of that family, and 200 clean ones,
all from ``random.Random`` with a fixed seed (no hypothesis engine, so the numbers repeat).
Prints the share of injected defects found (a finding of the family overlapping the injected
text), broken down by defect kind, and the share of clean articles with a finding of that
family. The issue's target: >= 90% found, < 5% of clean articles with findings.

    python benchmarks/testing_kit_recall.py [--examples 200] [--seed 20240516] [--show-missed 3]
    python benchmarks/testing_kit_recall.py --corpus ../shared/corpus/news-2012-2020-dev.jsonl

With ``--corpus`` (JSONL with a "text" field) the defects are injected into real articles
instead, and the clean share counts real articles with findings (those were screened, but
may still hold real defects: inspect before calling a finding false).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter

from newscheck import Linter
from newscheck.testing import (
    KINDS,
    QUOTE_STYLES,
    VARIANTS,
    NoInjectionSite,
    defects_found,
    generate_article,
    generate_labelled_article,
)
from newscheck.testing.assertions import format_findings

FAMILIES = ("boilerplate", "fragments", "consistency", "contradictions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20240516)
    parser.add_argument("--show-missed", type=int, default=0, help="print this many missed defects per kind")
    parser.add_argument("--show-false", type=int, default=0, help="print this many clean-article findings")
    parser.add_argument(
        "--corpus", help="JSONL file of real articles to inject into instead of generated ones"
    )
    args = parser.parse_args(argv)
    corpus = None
    if args.corpus:
        with open(args.corpus, encoding="utf-8") as fh:
            corpus = [json.loads(line)["text"] for line in fh if line.strip()]

    linter = Linter()
    source = f"articles of {args.corpus}" if corpus else "generated articles"
    print(
        f"checkers: {', '.join(c.name for c in linter.checkers)}; {args.examples} {source} per family, seed {args.seed}"
    )
    started = time.perf_counter()
    ok = True
    for family in FAMILIES:
        category = next(c for c in KINDS if c.value == family.rstrip("s"))
        rnd = random.Random(f"{args.seed}-{family}")
        per_kind: dict[str, list[int]] = {}
        missed_examples: dict[str, list[str]] = {}
        for i in range(args.examples):
            base = corpus[i % len(corpus)] if corpus else None
            try:
                options = {} if base else {"quotes": rnd.choice(QUOTE_STYLES)}
                article = generate_labelled_article(
                    rnd, categories=[family], max_defects=3, base=base, **options
                )
            except NoInjectionSite:
                continue
            report = linter.check(article.text)
            found, missed = defects_found(article, report.findings)
            for d in found:
                per_kind.setdefault(d.kind, [0, 0])[0] += 1
            for d in missed:
                per_kind.setdefault(d.kind, [0, 0])[1] += 1
                bucket = missed_examples.setdefault(d.kind, [])
                if len(bucket) < args.show_missed:
                    lo = max(0, d.start - 60)
                    bucket.append(f"{d.note}: …{article.text[lo : d.end + 30]!r}…")
        clean_rnd = random.Random(f"{args.seed}-{family}-clean")
        noisy = 0
        false_codes: Counter[str] = Counter()
        shown = 0
        for i in range(args.examples):
            if corpus:
                text = corpus[i % len(corpus)]
            else:
                text = generate_article(
                    clean_rnd, variant=clean_rnd.choice(VARIANTS), quotes=clean_rnd.choice(QUOTE_STYLES)
                )
            report = linter.check(text)
            own = [f for f in report.findings if f.category == category]
            if own:
                noisy += 1
                false_codes.update(f.code for f in own)
                if shown < args.show_false:
                    shown += 1
                    print(format_findings(report, own))
        total_found = sum(f for f, _ in per_kind.values())
        total = sum(f + m for f, m in per_kind.values())
        recall = total_found / total if total else 0.0
        noise = noisy / args.examples
        met = recall >= 0.9 and noise < 0.05
        ok &= met
        print(
            f"\n{family}: found {total_found}/{total} injected defects = {recall:.1%}; "
            f"{'real' if corpus else 'clean'} articles with findings {noisy}/{args.examples} = {noise:.1%}"
            f"  [{'meets' if met else 'misses'} target]"
        )
        for kind, (f, m) in sorted(per_kind.items()):
            print(f"  {kind:22} {f:4}/{f + m:<4} {f / (f + m):6.1%}")
            for line in missed_examples.get(kind, []):
                print(f"      missed {line}")
        if false_codes:
            print(
                "  clean-article findings by code: "
                + ", ".join(f"{c} x{n}" for c, n in false_codes.most_common())
            )
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
