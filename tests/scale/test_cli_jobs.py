"""``newscheck check --jobs N``: the same output, byte for byte, as ``--jobs 1``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from newscheck.cli import _Progress, main


@pytest.fixture
def article_dir(tmp_path, articles):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for i, (ident, text) in enumerate(articles):
        where = folder / "sub" if i % 3 == 0 else folder
        (where / f"{i:02d}-{ident}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "records.jsonl").write_text(
        "".join(json.dumps({"id": ident, "text": text}) + "\n" for ident, text in articles[:4]), encoding="utf-8"
    )
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--isolated", "--include", "*.txt,*.jsonl", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_output_is_identical_to_one_job(article_dir, fmt):
    one = _run(str(article_dir), "--format", fmt, "--jobs", "1")
    two = _run(str(article_dir), "--format", fmt, "--jobs", "2")
    assert one == two
    assert one[0] in (0, 1), one[2]
    if fmt == "json":
        assert json.loads(one[1])  # a real report, not an empty run


def test_jobs_in_a_real_process(article_dir):
    env = dict(os.environ, NO_COLOR="1")
    cmd = [sys.executable, "-m", "newscheck", "check", "--isolated", str(article_dir), "--format", "json"]
    one = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
    all_cpus = subprocess.run([*cmd, "-j", "0"], capture_output=True, env=env, timeout=300)
    assert (one.returncode, one.stdout) == (all_cpus.returncode, all_cpus.stdout)
    assert b"\r" not in all_cpus.stderr  # no progress bar when stderr is not a terminal


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_cleared_at_the_end():
    tty = _Tty()
    bar = _Progress(tty, 40, delay=0)
    for _ in range(40):
        bar.step()
    bar.close()
    shown = tty.getvalue()
    assert shown.startswith("\rnewscheck: [") and "/40" in shown and shown.endswith("\r\x1b[K")

    pipe = io.StringIO()
    bar = _Progress(pipe, 40, delay=0)
    for _ in range(40):
        bar.step()
    bar.close()
    assert pipe.getvalue() == "" and not bar.enabled
    assert not _Progress(_Tty(), 3).enabled  # a short run gets no bar
