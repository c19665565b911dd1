"""newscheck.testing itself: clean articles are what they claim, labels point at the injected text."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import random
import re
import subprocess
import sys
import textwrap
import types

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscheck.testing as nt
from newscheck import Category, Linter, Registry
from newscheck.testing import (
    KINDS,
    Defect,
    LabelledArticle,
    NoInjectionSite,
    articles,
    articles_with_defects,
    assert_no_findings,
    inject,
    inject_boilerplate,
)
from newscheck.testing._data import vocabulary

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALL_KINDS = [(cat, kind) for cat, table in KINDS.items() for kind in table]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60, check=False
    )


def test_import_newscheck_does_not_import_hypothesis():
    out = _run("import sys, newscheck; newscheck.check('Text.'); print('hypothesis' in sys.modules)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_without_hypothesis_the_import_error_says_what_to_install():
    out = _run(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "hypothesis" or name.startswith("hypothesis."):
                    raise ModuleNotFoundError(f"No module named {name!r}")
        sys.meta_path.insert(0, Block())
        from newscheck.errors import BackendUnavailable
        try:
            import newscheck.testing
        except ImportError as exc:
            print(isinstance(exc, BackendUnavailable), str(exc), sep="|")
        """
    )
    assert out.returncode == 0, out.stderr
    is_backend_error, message = out.stdout.strip().split("|")
    assert is_backend_error == "True"
    assert "\n" not in message and "pip install 'newscheck[testing]'" in message


def test_public_names():
    public = [n for n in dir(nt) if not n.startswith("_") and n != "annotations"]
    assert sorted(nt.__all__) == sorted(n for n in public if not isinstance(getattr(nt, n), types.ModuleType))


# -- clean articles ---------------------------------------------------------------------

_WEEKDAY_DATE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
    r"(?:(\d{1,2}) ([A-Z][a-z]+)|([A-Z][a-z]+) (\d{1,2})),? (\d{4})"
)


@SETTINGS
@given(data=st.data())
def test_articles_are_news_shaped_and_spelled_in_one_variant(data):
    variant = data.draw(st.sampled_from(["us", "gb"]))
    n = data.draw(st.integers(1, nt.MAX_PARAGRAPHS))
    text = data.draw(articles(paragraphs=n, variant=variant))
    blocks = text.rstrip("\n").split("\n\n")
    headline, body = blocks[0], blocks[1:]
    assert len(body) == n
    assert not headline.endswith(".") and "\n" not in headline
    assert len(set(body)) == len(body), "a paragraph is repeated"
    voc = vocabulary()
    other = voc.us_to_gb.values() if variant == "us" else voc.us_to_gb.keys()
    for word in other:
        assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE), (variant, word)
    for m in _WEEKDAY_DATE.finditer(text):
        day = int(m.group(2) or m.group(5))
        month = list(calendar.month_name).index(m.group(3) or m.group(4))
        assert calendar.day_name[dt.date(int(m.group(6)), month, day).weekday()] == m.group(1)
    assert text.count("“") == text.count("”") and text.count('"') % 2 == 0


@given(articles(paragraphs=12, variant="gb", dateline=True, captions=True))
@settings(max_examples=10, deadline=None)
def test_article_options(text):
    lede = text.split("\n\n")[1]
    assert re.match(r"[A-Z ]+ \((?:Reuters|AP|AFP)\) — ", lede)
    assert "/" in text  # a photo credit


def test_bad_options_fail_at_once_naming_the_valid_ones():
    with pytest.raises(ValueError, match="us, gb"):
        articles(variant="au")
    with pytest.raises(ValueError, match="paragraphs"):
        articles(paragraphs=0)
    with pytest.raises(ValueError, match="valid categories: boilerplate"):
        articles_with_defects(["grammar"])
    with pytest.raises(ValueError, match="valid kinds"):
        inject_boilerplate("Some text.\n\nMore text.", random.Random(0), kind="banner")


# -- labels -----------------------------------------------------------------------------


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _assert_exact(old: str, new: str, d: Defect) -> None:
    """Outside the labelled span (and the whitespace or mark that joins it), nothing changed."""
    injected = new[d.start : d.end]
    assert injected, d
    if d.kind == "truncated-sentence":
        assert new[: d.end] == old[: d.end] and old.endswith(new[d.end :]) and len(old) > len(new)
        return
    if d.kind == "unbalanced-quote" and len(new) < len(old):
        closing = "”" if injected == "“" else '"'
        assert injected in '“"' and old.count(closing) == new.count(closing) + 1
        return
    if d.kind == "orphaned-attribution" and len(new) == len(old):
        assert injected.startswith(".") and old == new[: d.start] + "," + new[d.start + 1 :]
        return
    if len(new) > len(old) and old == new[: d.start] + new[d.end :]:
        return  # inserted exactly the span
    for gap in (1, 2, 4):
        if new[d.start - gap : d.start].isspace() and old == new[: d.start - gap] + new[d.end :]:
            return  # inserted the span with the space or paragraph break before it
    # A replacement: the same text before and after the span.
    tail = len(new) - d.end
    assert new[: d.start] == old[: d.start] and new[d.end :] == old[len(old) - tail :], d
    assert old[d.start : len(old) - tail] != injected


@pytest.mark.parametrize("category,kind", ALL_KINDS, ids=[k for _, k in ALL_KINDS])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles(paragraphs=(11, 16)), seed=st.integers(0, 2**16))
def test_each_kind_labels_exactly_what_it_injected(category, kind, text, seed):
    try:
        labelled = inject(text, random.Random(seed), kind=kind)
    except NoInjectionSite:
        pytest.fail(f"a generated article of 11+ paragraphs has a site for every kind, not for {kind}")
    (d,) = labelled.defects
    assert (d.category, d.kind) == (category, kind)
    _assert_exact(text, labelled.text, d)
    for r in d.related:
        assert 0 <= r.start < r.end <= len(labelled.text)
    if kind == "duplicate-paragraph":
        assert d.related[0].slice(labelled.text) == d.slice(labelled.text)
    if kind in ("conflicting-figure", "self-reference", "wrong-weekday", "quoted-term-drift", "name-variant"):
        assert d.related, kind


@SETTINGS
@given(
    text=articles(),
    seed=st.integers(0, 2**16),
    steps=st.integers(1, 6),
    cats=st.lists(
        st.sampled_from(["boilerplate", "fragments", "consistency", "contradictions"]),
        min_size=1,
        unique=True,
    ),
)
def test_earlier_labels_shift_with_each_injection(text, seed, steps, cats):
    rnd = random.Random(seed)
    article = LabelledArticle(text)
    for _ in range(steps):
        try:
            nxt = inject(article, rnd, categories=cats)
        except NoInjectionSite:
            break
        before = [
            (d.kind, d.slice(article.text), tuple(r.slice(article.text) for r in d.related))
            for d in article.defects
        ]
        after = [
            (d.kind, d.slice(nxt.text), tuple(r.slice(nxt.text) for r in d.related)) for d in nxt.defects
        ]
        assert len(after) == len(before) + 1
        assert any(after[:i] + after[i + 1 :] == before for i in range(len(after))), (
            "a label moved off its text"
        )
        article = nxt


@SETTINGS
@given(articles_with_defects(["boilerplate", "contradictions"], max_defects=4))
def test_articles_with_defects_respects_its_arguments(article):
    assert 1 <= len(article.defects) <= 4
    assert article.categories() <= {Category.BOILERPLATE, Category.CONTRADICTION}
    spans = sorted((d.start, d.end) for d in article.defects)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans)), "labels overlap"


def test_injectors_work_on_a_real_scraped_article(seed_text):
    """The seed article: single-newline paragraphs, real names; damage it and check labels."""
    rnd = random.Random(7)
    injected = 0
    for category, kind in ALL_KINDS:
        try:
            labelled = inject(seed_text, rnd, kind=kind)
        except NoInjectionSite:
            continue
        injected += 1
        (d,) = labelled.defects
        _assert_exact(seed_text, labelled.text, d)
        if kind in ("promo", "ad-marker", "related-link", "inserted-headline", "photo-caption"):
            assert labelled.text[d.start - 1] == "\n" and labelled.text[d.start - 2] != "\n"
    assert injected >= 14


def test_base_text_strategy_uses_the_given_text(seed_text):
    @given(articles_with_defects("fragments", base=seed_text))
    @settings(max_examples=5, deadline=None)
    def run(article):
        assert len(article.text) >= len(seed_text) - 200
        assert article.categories() == {Category.FRAGMENT}

    run()


# -- assertions ---------------------------------------------------------------------------

FAKE_CHECKER = """
from newscheck import Checker, Finding, Rule, Category, Severity

RULE = Rule(code="NC990", name="fake-shout", category=Category.BOILERPLATE, summary="A line in capitals.",
            severity=Severity.WARNING, failing=("SHOUT",), passing=("quiet",))
CRASH = Rule(code="NC991", name="fake-crash", category=Category.FRAGMENT, summary="Crashes on 'boom'.",
             severity=Severity.WARNING, failing=("boom",), passing=("quiet",))

class Shout(Checker):
    name = "fake-shout"
    rules = (RULE,)
    def check(self, doc):
        for line in doc.lines:
            text = doc.text[line.start:line.end]
            if text.isupper():
                yield Finding("NC990", "fake-shout", Category.BOILERPLATE, Severity.WARNING,
                              line.start, line.end, "This line shouts.")

class Crash(Checker):
    name = "fake-crash"
    rules = (CRASH,)
    def check(self, doc):
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return iter(())

CHECKERS = (Shout, Crash)
"""


@pytest.fixture
def fake_linter(tmp_path, monkeypatch):
    (tmp_path / "nc_fake_checkers.py").write_text(FAKE_CHECKER)
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = Registry(builtins={"fake": "nc_fake_checkers:CHECKERS"}, plugins=False)
    return Linter(registry=registry)


def test_assert_no_findings_passes_quietly(fake_linter):
    report = assert_no_findings("A calm line.\nAnother.", linter=fake_linter)
    assert report.findings == ()
    assert_no_findings("Calm.\nSHOUTING HERE", "fragments", linter=fake_linter)  # other family


def test_assert_no_findings_lists_code_position_excerpt_and_message(fake_linter):
    with pytest.raises(AssertionError) as info:
        assert_no_findings("Calm.\nSHOUTING HERE\n", ["boilerplate"], linter=fake_linter)
    message = str(info.value)
    assert "1 finding of boilerplate" in message
    assert "NC990 fake-shout 2:1 'SHOUTING HERE': This line shouts." in message


def test_assert_no_findings_fails_when_a_checker_crashes(fake_linter):
    with pytest.raises(AssertionError, match="'fake-crash' crashed: RuntimeError: boom"):
        assert_no_findings("boom", linter=fake_linter)


def test_assert_no_findings_rejects_an_unknown_category(fake_linter):
    with pytest.raises(ValueError, match="valid categories"):
        assert_no_findings("text", "spelling", linter=fake_linter)


_pieces = st.sampled_from(
    [*"abcXYZ .,;:!?'\"“”‘’()-—\n\r\t\u00a0é😀"]
    + [
        "Mr. ",
        " said.",
        "\n\n",
        "Kyiv",
        "Kharkiv",
        "$240 billion",
        "12 per cent",
        "Thursday, May 16, 2024",
        "Russia ",
        "China ",
        "Moscow’s",
        "“boundless” ",
        "defense",
        "defence",
        "Obama said",
        "Barack Obama",
        "“We will win,” said",
        "The",
        "the",
        "of",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(), st.lists(_pieces, max_size=150).map("".join)),
    seed=st.integers(0, 1000),
    kind=st.sampled_from([None] + [k for _, k in ALL_KINDS]),
)
def test_injectors_on_any_text_label_in_bounds_or_say_there_is_no_site(text, seed, kind):
    try:
        labelled = inject(text, random.Random(seed), kind=kind)
    except NoInjectionSite:
        return
    (d,) = labelled.defects
    assert 0 <= d.start < d.end <= len(labelled.text)
    assert all(0 <= r.start <= r.end <= len(labelled.text) for r in d.related)
