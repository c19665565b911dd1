"""What the LanguageTool adapter itself costs, measured against the test suite's stand-in server.

LanguageTool's own checking time (typically 100-500 ms for a 1,000-word article on a warm
JVM) cannot be measured here: no real server is reachable. This measures what newscheck
adds around it, on real corpus articles (with a few emoji, to exercise the UTF-16 path):

- adapter: paragraphs -> request text, UTF-16 offset conversion, mapping, findings; the
  server's answer is precomputed, so no HTTP at all;
- utf16: building the offset index for an article and converting every match;
- http-cold / http-warm / edited: through language-tool-python's client and a real HTTP
  connection to the stand-in (cache empty; every paragraph cached; one paragraph changed).

With ``--server URL`` (a real LanguageTool) it also reports findings per clean corpus
article by rule, which is the false-positive rate of LanguageTool on edited news.

    python benchmarks/grammar_adapter.py [--corpus DIR] [--articles N] [--server URL]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from grammar.fake_languagetool import FakeLanguageTool
from grammar.fake_languagetool import check as fake_check

from newscheck import Document, Linter
from newscheck.checkers.grammar import GrammarChecker
from newscheck.checkers.grammar.utf16 import Utf16Index

EMOJI = ["🙂", "😀", "👍🏽", "🇬🇧"]
DEFECTS = [" the the", " , and", " a important", " very unique"]


def load_articles(corpus: Path, n: int) -> list[str]:
    texts: list[str] = []
    for name in ("bbc-clean-dev.jsonl", "news-2012-2020-dev.jsonl"):
        path = corpus / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    if not texts:
        texts = [(REPO / "examples" / "putin-xi-beijing-summit.txt").read_text(encoding="utf-8")]
    return texts[:n]


def to_1000_words(text: str, rng: random.Random) -> str:
    """Repeat paragraphs up to ~1,000 words, sprinkling emoji and a few LanguageTool-style slips."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    out: list[str] = []
    words = 0
    i = 0
    while words < 1000:
        p = paras[i % len(paras)]
        if rng.random() < 0.3:
            cut = p.find(" ", len(p) // 2)
            if cut > 0:
                p = p[:cut] + " " + rng.choice(EMOJI) + rng.choice(DEFECTS) + p[cut:]
        out.append(p)
        words += len(p.split())
        i += 1
    return "\n\n".join(out)


class PrecomputedBackend:
    """Answers exactly what the stand-in server would, without HTTP."""

    where = "precomputed"

    def __init__(self) -> None:
        self.tool = SimpleNamespace(language="en-US")
        self.answers: dict[str, dict] = {}

    def prime(self, chunk: str, params: dict[str, str]) -> None:
        self.answers[chunk] = {"matches": fake_check(chunk, params), "warnings": {"incompleteResults": False}}

    def check_json(self, text: str) -> dict:
        return self.answers[text]

    def close(self) -> None:
        pass


def per_call_ms(fn, repeat: int, clock=time.perf_counter) -> float:
    """Mean milliseconds per call. The in-process measures use CPU time, which a loaded
    (shared) machine disturbs less than wall-clock time; the HTTP ones need wall-clock."""
    fn()  # warm-up
    start = clock()
    for _ in range(repeat):
        fn()
    return (clock() - start) / repeat * 1000


def adapter_numbers(articles: list[str], repeat: int) -> list[tuple[str, float, str]]:
    rows = []
    backend = PrecomputedBackend()
    checker = GrammarChecker({"cache": False}, backend=backend)
    params = {"disabledRules": ",".join(backend.tool.disabled_rules)}
    docs = [Document(a) for a in articles]
    for doc in docs:
        for batch in checker._batches([t for _, t in checker._units(doc)]):
            units = checker._units(doc)
            backend.prime("\n\n".join(units[i][1] for i in batch), params)
    matches = sum(len(list(checker.check(d))) for d in docs)
    cpu = time.process_time
    ms = per_call_ms(lambda: [list(checker.check(Document(a))) for a in articles], repeat, cpu) / len(articles)
    rows.append(("adapter (no HTTP, CPU), per article", ms, f"{matches / len(articles):.1f} findings/article"))

    indexes = [Utf16Index(a) for a in articles]
    ms = per_call_ms(lambda: [Utf16Index(a) for a in articles], repeat, cpu) / len(articles)
    rows.append(("utf16 index build, per article", ms, f"{sum(len(i._py) for i in indexes) / len(articles):.1f} astral chars"))
    offsets = [(i, o) for i in indexes for o in range(0, i.length, 37)]
    ms = per_call_ms(lambda: [i.to_python(o, end=True) for i, o in offsets], repeat, cpu)
    rows.append(("utf16 -> python offset, per 1,000", ms / len(offsets) * 1000, f"{len(offsets)} offsets"))
    return rows


def http_numbers(articles: list[str], repeat: int) -> list[tuple[str, float, str]]:
    rows = []
    with FakeLanguageTool() as server:
        config = {"grammar": {"server": server.url}}
        ms = per_call_ms(lambda: [Linter(select=["grammar"], config=config) for _ in range(1)], max(1, repeat // 4))
        rows.append(("build checker (GET /v2/languages)", ms, "once per Linter"))
        cold = Linter(select=["grammar"], config={"grammar": {"server": server.url, "cache": False}})
        ms = per_call_ms(lambda: [cold.check(a) for a in articles], repeat) / len(articles)
        rows.append(("http cold (stand-in server), per article", ms, "1 request/article"))
        warm = Linter(select=["grammar"], config=config)
        for a in articles:
            warm.check(a)
        before = len(server.state.requests)
        ms = per_call_ms(lambda: [warm.check(a) for a in articles], repeat) / len(articles)
        rows.append(("http warm (all paragraphs cached)", ms, f"{len(server.state.requests) - before} requests"))
        edited = [a.replace(".", ". The the", 1) for a in articles]
        before = len(server.state.requests)
        start = time.perf_counter()
        for a in edited:
            warm.check(a)
        ms = (time.perf_counter() - start) * 1000 / len(articles)
        sent = server.state.checked_texts[before:]
        avg = sum(len(t) for t in sent) / max(1, len(sent))
        rows.append(("edited (1 paragraph changed)", ms, f"{len(sent)} requests, {avg:.0f} chars each"))
        rows.append(("connections opened", float(server.state.connections), "keep-alive, one per Linter"))
    return rows


def real_server_numbers(url: str, corpus: Path, n: int) -> None:
    lint = Linter(select=["grammar"], config={"grammar": {"server": url}})
    for name in ("bbc-clean-dev.jsonl", "news-2012-2020-dev.jsonl"):
        path = corpus / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()][:n]
        by_code: Counter[str] = Counter()
        by_rule: Counter[str] = Counter()
        start = time.perf_counter()
        for t in texts:
            report = lint.check(t)
            by_code.update(f.code for f in report.findings)
            by_rule.update(f.extra["languagetool_rule"] for f in report.findings)
        secs = time.perf_counter() - start
        print(f"\n{name}: {len(texts)} clean articles, {secs / len(texts) * 1000:.0f} ms/article")
        for code in sorted(by_code):
            print(f"  {code}: {by_code[code] / len(texts):.2f} findings/article")
        print("  most frequent LanguageTool rules:", ", ".join(f"{r} ({c})" for r, c in by_rule.most_common(8)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--server", default="", help="a real LanguageTool server, for findings per article")
    args = parser.parse_args(argv)
    rng = random.Random(7)
    articles = [to_1000_words(t, rng) for t in load_articles(args.corpus, args.articles)]
    words = sum(len(a.split()) for a in articles) / len(articles)
    print(f"{len(articles)} articles of ~{words:.0f} words (corpus articles, repeated, emoji and slips added)\n")
    print(f"{'measure':<44} {'ms':>9}  note")
    for label, ms, note in adapter_numbers(articles, args.repeat) + http_numbers(articles, args.repeat):
        print(f"{label:<44} {ms:>9.3f}  {note}")
    if args.server:
        real_server_numbers(args.server, args.corpus, args.articles)
    else:
        print("\nQuality (false positives, precision/recall) needs a real LanguageTool: pass --server URL.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
