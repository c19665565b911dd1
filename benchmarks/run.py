"""newscheck speed, memory and scale benchmark: one command, one table.

    python benchmarks/run.py            # full run (~10 min on 2 cores)
    python benchmarks/run.py --quick    # smaller inputs (~2 min), no 10 MB set
    python benchmarks/run.py --profile  # where the pipeline's time goes, per family
    python benchmarks/run.py --json results.json

Input: the real articles of ../shared/corpus/*.jsonl (relative to the repo's parent) when
present, generated text otherwise. Every ratio in the summary is measured in this run.
See benchmarks/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
MB = 1_000_000

if str(ROOT / "src") not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))


# -- input ------------------------------------------------------------------------------------
def load_articles() -> tuple[list[str], str]:
    """Distinct articles, the two corpus files interleaved; generated text without a corpus."""
    files = sorted(CORPUS_DIR.glob("*.jsonl")) if CORPUS_DIR.is_dir() else []
    per_file = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            per_file.append([json.loads(line)["text"] for line in fh if line.strip()])
    if per_file:
        mixed = [a for group in zip(*per_file) for a in group]
        longest = max(len(p) for p in per_file)
        mixed += [p[i] for p in per_file for i in range(min(len(p) for p in per_file), longest) if i < len(p)]
        return mixed, f"{len(mixed)} real articles from {CORPUS_DIR}"
    return generated_articles(1000), "1000 generated articles (no corpus at ../shared/corpus)"


_VOCAB = (
    "government minister said would could report officials police city council year week people "
    "market company shares economy growth election vote party leader talks summit agreement plan "
    "court judge case evidence trial hospital health patients school students teachers budget tax "
    "billion million percent increase decline rise fall support opposition statement spokesman"
).split()
_NAMES = "Smith Johnson Garcia Chen Novak Okafor Brennan Haddad Tanaka Müller Rossi Kowalski".split()


def generated_articles(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)

    def sentence() -> str:
        words = [rng.choice(_VOCAB) for _ in range(rng.randint(8, 24))]
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), f"{rng.choice(_NAMES)}")
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 9000)))
        return " ".join(words).capitalize() + rng.choice(".....?")

    out = []
    for _ in range(n):
        head = " ".join(rng.choice(_VOCAB) for _ in range(6)).capitalize()
        paras = [" ".join(sentence() for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(8, 20))]
        out.append(head + "\n\n" + "\n\n".join(paras) + "\n")
    return out


def take_bytes(articles: Sequence[str], size: int, *, start: int = 0) -> list[str]:
    """Articles (cycling through the list if needed) until ``size`` UTF-8 bytes."""
    out, total, i = [], 0, start
    while total < size:
        a = articles[i % len(articles)]
        out.append(a)
        total += len(a.encode("utf-8"))
        i += 1
    return out


def one_long_article(articles: Sequence[str], size: int) -> str:
    """Distinct articles joined by blank lines into one document of about ``size`` bytes."""
    parts, total = [], 0
    for a in articles:
        if total >= size:
            break
        parts.append(a.strip())
        total += len(a.encode("utf-8")) + 2
    if total < size:
        raise SystemExit(f"not enough distinct text for a {size}-byte article")
    return "\n\n".join(parts) + "\n"


def article_near(articles: Sequence[str], words: int) -> str:
    return min(articles, key=lambda a: abs(len(a.split()) - words))


def nbytes(texts: Sequence[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def nwords(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


# -- timing -----------------------------------------------------------------------------------
#: In-process timings are CPU time of this process: on a shared machine other processes
#: inflate them far less than wall time. The batch speed-up is wall time (see main()).
clock = time.process_time


def best_of(fn: Callable[[], object], repeat: int, warmup: int = 0) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return min(times)


def wall_best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def alternating_best_of(a: Callable[[], object], b: Callable[[], object], rounds: int) -> tuple[float, float]:
    """The best wall time of ``a`` and of ``b``, run in turn ``rounds`` times."""
    ta, tb = [], []
    for _ in range(rounds):
        ta.append(wall_best_of(a, 1))
        tb.append(wall_best_of(b, 1))
    return min(ta), min(tb)


def median_of(fn: Callable[[], object], repeat: int, warmup: int) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times)


# -- what is measured -------------------------------------------------------------------------
def segment(text: str):
    from newscheck import Document

    doc = Document(text)
    # What the default rules read; token offsets (doc.tokens) are computed only by checkers
    # that ask for them, and no default rule does (they use doc.words_in).
    doc.view, doc.line_starts, doc.paragraphs, doc.sentences  # noqa: B018 - computing them is the point
    return doc


def checker_instances(with_backends: bool) -> tuple[list, list[str]]:
    """One instance of every registered checker class with default options."""
    from newscheck import BackendUnavailable, Registry

    out, skipped = [], []
    for cls in Registry.default().checkers:
        if cls.needs_backend and not with_backends:
            skipped.append(f"{cls.name} (needs a backend; --grammar to include)")
            continue
        try:
            out.append(cls({}))
        except BackendUnavailable as exc:
            skipped.append(f"{cls.name} ({exc})")
    return out, skipped


def proselint_runner() -> Callable[[str], object] | None:
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    config = dict(DEFAULT, max_errors=10**9)  # its default stops after 1000 results

    def run(text: str) -> object:
        return LintFile("<bench>", text).lint(config)

    return run


def run_probe(kind: str, arg: str, timeout: float) -> dict:
    """Run a measurement in a fresh interpreter (import time, memory, pathological input)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--probe", kind, arg]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=True)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    except subprocess.CalledProcessError as exc:
        return {"error": exc.stderr.strip().splitlines()[-1] if exc.stderr.strip() else f"exit {exc.returncode}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def probe(kind: str, arg: str) -> dict:
    """Runs inside the fresh interpreter started by :func:`run_probe`."""
    import resource

    if kind == "import":
        w0, t0 = time.perf_counter(), clock()
        import newscheck  # noqa: F401

        w1, t1 = time.perf_counter(), clock()
        newscheck.Linter().check("A sentence.")
        return {"import_s": t1 - t0, "import_wall_s": w1 - w0, "first_check_s": clock() - t0}
    import newscheck

    articles, _ = load_articles()
    linter = newscheck.Linter()
    linter.check(articles[0])
    if kind == "memory":
        import tracemalloc

        text = one_long_article(articles, int(float(arg) * MB))
        size = len(text.encode("utf-8"))
        del articles
        gc.collect()
        t0 = clock()
        linter.check(text)
        elapsed = clock() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        tracemalloc.start()
        linter.check(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"bytes": size, "tracemalloc_peak": peak, "max_rss": rss, "seconds": elapsed}
    if kind in ("one-line", "tiny-paragraphs"):
        if kind == "one-line":
            flat = " ".join(" ".join(a.split()) for a in articles)
            size = int(float(arg) * MB)
            text = (flat * (size // len(flat) + 1))[:size]
        else:
            rng = random.Random(1)
            words = " ".join(articles[:50]).split()
            n = int(arg)
            text = "\n\n".join(" ".join(rng.choices(words, k=rng.randint(1, 4))) + "." for _ in range(n)) + "\n"
        t0 = clock()
        report = linter.check(text)
        return {
            "bytes": len(text.encode("utf-8")),
            "seconds": clock() - t0,
            "findings": len(report.findings),
            "errors": [e.message for e in report.errors if e.kind == "crash"],
        }
    raise SystemExit(f"unknown probe {kind}")


# -- the run ----------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller inputs, no 10 MB set (about a minute)")
    ap.add_argument("--grammar", action="store_true", help="also time checkers that need a backend")
    ap.add_argument("--json", metavar="FILE", help="also write every number to FILE")
    ap.add_argument("--profile", action="store_true",
                    help="instead: profile the default pipeline on the 1 MB set, time per family and hot spots")
    ap.add_argument("--probe", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(*args.probe)))
        return 0
    if args.profile:
        return profile_pipeline()

    import newscheck
    from newscheck import Linter

    quick = args.quick
    articles, source = load_articles()
    results: dict = {"input": source, "quick": quick, "python": sys.version.split()[0], "cpus": os.cpu_count(),
                     "load_before": os.getloadavg()[0]}
    say = lambda msg: print(f"  … {msg}", file=sys.stderr, flush=True)  # noqa: E731

    single = article_near(articles, 1000)
    set_1mb = take_bytes(articles, 1 * MB)
    set_10mb = None if quick else take_bytes(articles, 10 * MB)
    base = 50_000 if quick else 100_000
    series = {k: one_long_article(articles, base * k) for k in (1, 2, 4, 8)}
    results["inputs"] = {
        "single": {"words": nwords([single]), "bytes": nbytes([single])},
        "1mb": {"articles": len(set_1mb), "words": nwords(set_1mb), "bytes": nbytes(set_1mb)},
        "10mb": None if set_10mb is None else {"articles": len(set_10mb), "words": nwords(set_10mb), "bytes": nbytes(set_10mb)},
        "series_bytes": {k: nbytes([v]) for k, v in series.items()},
    }

    rows: dict[str, dict] = {}
    reps_single = 30 if quick else 100

    def measure(name: str, on_doc: Callable[[str], object] | None, *, per_doc_segmented=None, sets=True):
        row = rows.setdefault(name, {})
        say(name)
        if per_doc_segmented is not None:
            # A checker alone on already segmented Documents; a fresh Document for every
            # run, so whatever a checker caches on the Document is part of its cost.
            def on_fresh(texts: Sequence[str], repeat: int, warmup: int = 0, stat=min) -> float:
                times = []
                for i in range(warmup + repeat):
                    docs = [segment(t) for t in texts]
                    gc.collect()
                    t0 = clock()
                    for d in docs:
                        list(per_doc_segmented(d))
                    if i >= warmup:
                        times.append(clock() - t0)
                return stat(times)

            row["single_s"] = on_fresh([single], reps_single, warmup=5, stat=statistics.median)
            row["1mb_s"] = on_fresh(set_1mb, 1 if quick else 3)
            t1 = on_fresh([series[1]], 3 if quick else 5)
            t8 = on_fresh([series[8]], 1 if quick else 3)
            row["scaling"] = t8 / t1 if t1 else float("nan")
            return
        row["single_s"] = median_of(lambda: on_doc(single), reps_single, warmup=5)
        row["1mb_s"] = best_of(lambda: [on_doc(t) for t in set_1mb], 1 if quick else 2)
        if sets and set_10mb is not None:
            row["10mb_s"] = best_of(lambda: [on_doc(t) for t in set_10mb], 1)

    measure("segmentation", segment, sets=True)
    checkers, skipped = checker_instances(args.grammar)
    results["skipped_checkers"] = skipped
    for checker in checkers:
        try:
            measure(f"{checker.name} (alone)", None, per_doc_segmented=checker.check)
        except Exception as exc:  # a family's bug must not stop the benchmark
            rows.pop(f"{checker.name} (alone)", None)
            skipped.append(f"{checker.name} (crashed: {type(exc).__name__}: {exc})")

    default = Linter()
    measure("pipeline: default rules", default.check)
    everything = Linter(select=["ALL"], ignore=[c.name for c in default.registry.checkers if c.needs_backend] or None)
    measure("pipeline: all rules", everything.check, sets=False)

    # The throughput comparison: the default rules over the article sets through the batch
    # API in this one process (each checker over a chunk of articles in turn), and proselint
    # over the same articles, one call each, measured in alternation (newscheck, proselint,
    # newscheck, ...) so that a shared machine's slow spell weighs on both alike.
    batch_row = rows.setdefault("pipeline: check_many, 1 process", {})
    run_proselint = proselint_runner()
    pro_row = None
    if run_proselint is None:
        results["proselint"] = "not installed (pip install proselint) - skipped"
        print("proselint is not installed (pip install proselint): skipping the comparison", file=sys.stderr)
    else:
        pro_row = rows.setdefault("proselint (all checks)", {})
        say("proselint, one article")
        pro_row["single_s"] = median_of(lambda: run_proselint(single), 5 if quick else 10, warmup=1)
    sets = [("1mb_s", set_1mb, 1 if quick else 3)] + ([("10mb_s", set_10mb, 2)] if set_10mb is not None else [])
    for key, texts, rounds in sets:
        say(f"check_many (1 process){' and proselint' if pro_row is not None else ''}, {key[:-2].upper()} set, "
            f"{rounds} round(s) in alternation")
        for _ in range(rounds):
            t = best_of(lambda: default.check_many(texts, jobs=1), 1)
            batch_row[key] = min(batch_row.get(key, t), t)
            if pro_row is not None:
                t = best_of(lambda: [run_proselint(x) for x in texts], 1)
                pro_row[key] = min(pro_row.get(key, t), t)

    # Scaling series for the whole default pipeline: one long article of 1x..8x the length.
    say("scaling series")
    scaling = {}
    for k, text in series.items():
        scaling[k] = best_of(lambda: default.check(text), 2 if quick else 3, warmup=1 if k == 1 else 0)
    rows["pipeline: default rules"]["scaling"] = scaling[8] / scaling[1]
    seg1 = best_of(lambda: segment(series[1]), 3)
    seg8 = best_of(lambda: segment(series[8]), 2)
    rows["segmentation"]["scaling"] = seg8 / seg1
    results["scaling_series_s"] = scaling

    # Batch: the 1 MB set (4 MB in a full run) with one and with two worker processes,
    # in alternation, so that a slow spell of the machine weighs on both.
    say("check_many jobs=1 vs jobs=2")
    batch_set = set_1mb if quick else take_bytes(articles, 4 * MB)
    t_jobs1, t_jobs2 = alternating_best_of(
        lambda: default.check_many(batch_set, jobs=1), lambda: default.check_many(batch_set, jobs=2), 3 if quick else 7
    )
    results["batch"] = {"bytes": nbytes(batch_set), "jobs1_s": t_jobs1, "jobs2_s": t_jobs2, "speedup": t_jobs1 / t_jobs2}

    say("import time, memory, pathological inputs (fresh interpreters)")
    imports = [run_probe("import", "-", 60) for _ in range(5)]
    ok = [p for p in imports if "error" not in p]
    results["import"] = {
        "import_s": statistics.median(p["import_s"] for p in ok) if ok else None,
        "first_check_s": statistics.median(p["first_check_s"] for p in ok) if ok else None,
        "error": None if ok else imports[0].get("error"),
    }
    results["memory"] = run_probe("memory", "1" if quick else "2", 600)
    patho: dict[str, dict] = {}
    line_mb = ("0.5", "5") if quick else ("5", "50")
    paras = ("10000", "100000")
    for mb in line_mb:
        patho[f"one line, {mb} MB"] = run_probe("one-line", mb, 900)
    for n in paras:
        patho[f"{int(n):,} tiny paragraphs"] = run_probe("tiny-paragraphs", n, 900)
    results["pathological"] = patho
    results["rows"] = rows

    results["load_after"] = os.getloadavg()[0]
    print_table(results, newscheck.__version__)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def profile_pipeline(top: int = 30) -> int:
    """cProfile of the default pipeline on the 1 MB set: own time per module, then per function."""
    import cProfile
    import pstats

    from newscheck import Linter

    articles, source = load_articles()
    texts = take_bytes(articles, 1 * MB)
    linter = Linter()
    for t in texts[:5]:
        linter.check(t)
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        linter.check(t)
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    def area_of(filename: str) -> str | None:
        norm = filename.replace(os.sep, "/")
        if "/newscheck/checkers/" in norm:
            return "checkers/" + norm.split("/newscheck/checkers/")[1].split("/")[0]
        if "/newscheck/" in norm:
            return "core: " + norm.split("/newscheck/")[1]
        return None

    # Time spent in C (regex matching, str methods) and the stdlib goes to the newscheck
    # module that called it, so each family's share includes its pattern matching.
    by_area: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        area = area_of(filename)
        if area is not None:
            by_area[area] = by_area.get(area, 0.0) + tottime
            continue
        for (caller_file, _, _), caller_stats in callers.items():
            owner = area_of(caller_file) or "other (stdlib calling C)"
            by_area[owner] = by_area.get(owner, 0.0) + caller_stats[2]
    print(f"profile of the default pipeline on {nbytes(texts) / MB:.1f} MB ({source}); own time under cProfile, C calls counted for their caller:")
    for area, secs in sorted(by_area.items(), key=lambda kv: -kv[1]):
        print(f"  {area:<48} {secs:7.3f} s  {100 * secs / total:5.1f}%")
    print()
    stats.sort_stats("tottime").print_stats(top)
    return 0


# -- output -----------------------------------------------------------------------------------
def _fmt(x: float | None, spec: str) -> str:
    return "-" if x is None else format(x, spec)


def print_table(results: dict, version: str) -> None:
    inp = results["inputs"]
    w1, b1 = inp["single"]["words"], inp["single"]["bytes"]
    wm, bm = inp["1mb"]["words"], inp["1mb"]["bytes"]
    ten = inp["10mb"]
    print(f"\nnewscheck {version} · Python {results['python']} · {results['cpus']} CPUs · {results['input']}")
    print(f"load average {results['load_before']:.1f} at the start, {results['load_after']:.1f} at the end; "
          "times are CPU seconds of the measuring process, except the batch speed-up (wall)")
    print(f"single article: {w1:,} words; 1 MB set: {inp['1mb']['articles']} articles, {wm:,} words"
          + (f"; 10 MB set: {ten['articles']} articles (corpus cycled), {ten['words']:,} words" if ten else ""))
    print()
    head = f"{'component':<32} {'1k-word ms':>10} {'words/s':>10} {'1 MB: MB/s':>10} {'words/s':>10} {'10 MB: MB/s':>11} {'8x len: time':>12}"
    print(head)
    print("-" * len(head))
    for name, r in results["rows"].items():
        s, m, t = r.get("single_s"), r.get("1mb_s"), r.get("10mb_s")
        print(
            f"{name:<32} {_fmt(s and s * 1000, '10.2f')} {_fmt(s and w1 / s, '10,.0f')} "
            f"{_fmt(m and bm / MB / m, '10.2f')} {_fmt(m and wm / m, '10,.0f')} "
            f"{_fmt(t and ten['bytes'] / MB / t, '11.2f')} {_fmt(r.get('scaling'), '11.2f')}x"
        )
    if results.get("skipped_checkers"):
        print(f"not timed: {'; '.join(results['skipped_checkers'])}")
    if isinstance(results.get("proselint"), str):
        print(f"proselint: {results['proselint']}")

    print("\nscaling series (default pipeline, one article of distinct corpus articles):")
    series = results["scaling_series_s"]
    for k, secs in series.items():
        kb = inp["series_bytes"][k] / 1000
        print(f"  {k}x  {kb:8.0f} kB  {secs * 1000:9.1f} ms  ({secs / series[1]:.2f}x the 1x time)")

    rows = results["rows"]
    pipe = rows["pipeline: default rules"]
    pro = rows.get("proselint (all checks)")
    b = results["batch"]
    imp = results["import"]
    mem = results["memory"]
    batch_row = rows.get("pipeline: check_many, 1 process", {})
    checks = []
    if pro:
        # The target: articles checked as a set (check_many, one process, one core);
        # one check() call per article is shown beside it.
        for label, row in (("check_many, 1 process", batch_row), ("one check() per article", pipe)):
            target = row is batch_row
            for size in ("1mb_s", "10mb_s"):
                if size in pro and size in row:
                    ratio = pro[size] / row[size]
                    name = f"throughput vs proselint, {'1 MB' if size == '1mb_s' else '10 MB'} set, {label}"
                    checks.append((name if target else "  " + name, f"{ratio:.1f}x", ratio >= 10 if target else None,
                                   ">= 10x" if target else "-"))
    else:
        checks.append(("throughput vs proselint", "proselint not installed", None, ">= 10x"))
    checks.append(("8x the text: time", f"{pipe['scaling']:.2f}x", pipe["scaling"] <= 9, "<= 9x"))
    checks.append(("1,000-word article, warm", f"{pipe['single_s'] * 1000:.2f} ms", pipe["single_s"] <= 0.005, "<= 5 ms"))
    if imp["import_s"] is not None:
        checks.append(("import newscheck (fresh process)", f"{imp['import_s'] * 1000:.0f} ms", imp["import_s"] <= 0.15, "<= 150 ms"))
        checks.append(("  import + first check (all families load)", f"{imp['first_check_s'] * 1000:.0f} ms", None, "-"))
    if "error" not in mem:
        ratio = mem["tracemalloc_peak"] / mem["bytes"]
        checks.append((f"peak memory, one {mem['bytes'] / MB:.1f} MB article (tracemalloc)", f"{ratio:.1f}x input", ratio <= 20, "<= 20x"))
        checks.append(("  max RSS of that process (interpreter included)", f"{mem['max_rss'] / MB:.0f} MB", None, "-"))
    else:
        checks.append(("peak memory", mem["error"], False, "<= 20x"))
    checks.append((f"check_many jobs=2 vs one process, {b['bytes'] / MB:.0f} MB", f"{b['speedup']:.2f}x", b["speedup"] >= 1.8, ">= 1.8x"))
    print("\ntargets (ratios from this run):")
    for label, value, ok, target in checks:
        mark = "" if ok is None else ("PASS" if ok else "FAIL")
        print(f"  {label:<70} {value:>18}  {target:>9}  {mark}")

    print("\npathological inputs (default pipeline, fresh interpreter each):")
    base_rate = pipe["1mb_s"] / (bm / MB)
    items = list(results["pathological"].items())
    for (small_name, small), (big_name, big) in zip(items[0::2], items[1::2]):
        if "error" not in small and "error" not in big and small["seconds"]:
            size, secs = big["bytes"] / small["bytes"], big["seconds"] / small["seconds"]
            results.setdefault("pathological_growth", {})[big_name] = secs / size
            print(f"  {big_name} vs {small_name}: {size:.1f}x the input, {secs:.1f}x the time")
    for name, p in items:
        if "error" in p:
            print(f"  {name:<28} {p['error']}")
            continue
        rate = p["seconds"] / (p["bytes"] / MB)
        crash = f"; CHECKER CRASHES: {p['errors']}" if p["errors"] else ""
        print(f"  {name:<28} {p['bytes'] / MB:7.2f} MB  {p['seconds']:8.2f} s  "
              f"{rate / base_rate:5.1f}x the per-MB time of normal articles{crash}")


if __name__ == "__main__":
    sys.exit(main())
