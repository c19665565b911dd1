"""Article formats: HTML's visible text, JSON/JSONL records, detection and the override flag."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck import Document, InputError
from newscheck.cli import main
from newscheck.formats import detect_format, iter_records, mask_for, split_record_path

PAGE = """<!DOCTYPE html>
<html><head><title>Kiev headline</title><style>p { color: red }</style>
<script>var kiev = "<p>Kiev</p>";</script></head>
<body>
<!-- Kiev in a comment -->
<p class="lead" data-x='a>b'>Putin&rsquo;s visit to Kharkiv &amp; more.</p><p>Second paragraph.</p>
<pre>Kiev code</pre>
<img alt="Kiev photo" src="k.jpg">
</body></html>
"""


def test_html_view_keeps_visible_body_text_only():
    doc = Document(PAGE, format="html")
    assert len(doc.view) == len(PAGE)
    assert "Kiev" not in doc.view and "color" not in doc.view and "lead" not in doc.view
    assert "Kharkiv & " in doc.view and "Second paragraph." in doc.view


def test_html_block_tags_split_paragraphs_and_entities_keep_words_whole():
    doc = Document(PAGE, format="html")
    paras = [doc.view[p.start : p.end] for p in doc.paragraphs]
    assert paras[0].startswith("Putin’") and paras[0].endswith("more.") and paras[1] == "Second paragraph."
    words = [doc.view[s:e] for s, e in doc.tokens]
    assert any(w.startswith("Putin’") and w.endswith("s") for w in words)
    # Offsets point into the HTML source, so line/column are the source's.
    start = PAGE.index("Kharkiv")
    assert doc.view[start : start + 7] == "Kharkiv" and doc.position(start) == (
        6,
        PAGE.split("\n")[5].index("Kharkiv") + 1,
    )


@given(st.text(alphabet=st.sampled_from(list("<>/&;#x0123abp!-\"' \n=éa😀")), max_size=80))
def test_html_mask_keeps_length_and_line_breaks(text):
    view = mask_for("html", text)
    assert len(view) == len(text)
    for a, b in zip(text, view):
        if a in "\r\n":
            assert b == a


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("a.txt", "text"),
        ("A.MD", "markdown"),
        ("x/p.html", "html"),
        ("p.htm", "html"),
        ("d.json", "json"),
        ("d.jsonl", "jsonl"),
        ("d.ndjson", "jsonl"),
        ("noext", "text"),
    ],
)
def test_detect_format_by_extension(path, fmt):
    assert detect_format(path) == fmt
    assert detect_format(path, "html") == "html"


def test_records_from_json_and_jsonl():
    jsonl = '{"id": "a/1", "body": "One."}\n\n{"text": "Two."}\n{"id": 3, "content": {"body": "Three."}}\n'
    first_two = "\n".join(jsonl.splitlines()[:3])
    assert [(r.id, r.text, r.line) for r in iter_records(first_two, "jsonl", field=None)] == [
        ("a/1", "One.", 1),
        ("2", "Two.", 3),
    ]
    assert [r.text for r in iter_records(jsonl.splitlines()[3], "jsonl", field="content.body")] == ["Three."]
    data = json.dumps([{"slug": "x", "body": "B."}])
    assert [(r.id, r.text) for r in iter_records(data, "json", id_field="slug")] == [("x", "B.")]
    assert [r.text for r in iter_records('{"body": "Solo."}', "json")] == ["Solo."]


@pytest.mark.parametrize(
    ("raw", "fmt", "field", "message"),
    [
        ('{"id": 1}\n', "jsonl", None, "no text field"),
        ('{"id": 1, "body": 5}\n', "jsonl", "body", "not text"),
        ('{"id": 1, "body": "x"}\n', "jsonl", "text", "no field 'text'"),
        ("[1, 2]", "json", None, "not an object"),
        ("{oops", "jsonl", None, "not a JSON object"),
        ("{oops", "json", None, "not valid JSON"),
    ],
)
def test_bad_records_are_one_clear_error(raw, fmt, field, message):
    with pytest.raises(InputError, match=message):
        list(iter_records(raw, fmt, name="f", field=field))


def test_record_paths():
    assert split_record_path("in/a.jsonl:abp/3ix") == ("in/a.jsonl", "abp/3ix")
    assert split_record_path("a.txt") is None and split_record_path(None) is None


def run_cli(*args, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_checks_each_record_and_positions_are_record_relative(tmp_path, demo_registry):
    data = tmp_path / "cms.jsonl"
    data.write_text(
        '{"id": "one", "body": "Fine."}\n{"id": "two", "body": "Line.\\nBad. ."}\n', encoding="utf-8"
    )
    code, out, _ = run_cli("check", "--format", "json", str(data))
    reports = json.loads(out)["reports"]
    assert code == 1 and [r["path"] for r in reports] == [f"{data}:one", f"{data}:two"]
    (finding,) = reports[1]["findings"]
    assert (finding["line"], finding["column"], finding["start"]) == (2, 4, 9)


def test_cli_field_flags_and_override(tmp_path, demo_registry):
    data = tmp_path / "export.txt"
    data.write_text(json.dumps([{"slug": "s1", "article": {"html": "Oops. ."}}]), encoding="utf-8")
    code, out, _ = run_cli(
        "check",
        "--format",
        "json",
        "--input-format",
        "json",
        "--field",
        "article.html",
        "--id-field",
        "slug",
        str(data),
    )
    assert code == 1 and json.loads(out)["reports"][0]["path"] == f"{data}:s1"
    code, _, err = run_cli("check", "--input-format", "json", "--field", "nope", str(data))
    assert code == 2 and "no field 'nope'" in err and len(err.strip().splitlines()) == 1


def test_cli_html_file_positions_point_into_the_source(tmp_path, demo_registry):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><body>\n<p>Fine.</p>\n<p>Bad <b>news</b>. .</p>\n</body></html>\n", encoding="utf-8"
    )
    code, out, _ = run_cli("check", "--format", "json", str(page))
    (finding,) = json.loads(out)["reports"][0]["findings"]
    assert (finding["line"], finding["column"]) == (3, 19)
    assert page.read_text(encoding="utf-8")[finding["start"] : finding["end"]] == ". ."


def test_entities_keep_quotes_against_their_words():
    view = mask_for("html", "<p>&ldquo;Both,&rdquo; he said. AT&amp;T&nbsp;won</p>")
    assert "“Both,”" in view and "AT&" in view and "said." in view
    assert len(view) == len("<p>&ldquo;Both,&rdquo; he said. AT&amp;T&nbsp;won</p>")


def test_seed_article_as_html_gets_the_same_findings_as_as_text(seed_text):
    import html
    from collections import Counter

    from newscheck import Linter

    def encode(s):
        return (
            html.escape(s, quote=False)
            .replace("’", "&rsquo;")
            .replace("“", "&ldquo;")
            .replace("”", "&rdquo;")
        )

    paras = [line for line in seed_text.split("\n") if line.strip()]
    page = (
        "<!DOCTYPE html>\n<html><head><title>Putin in Beijing</title><style>p {}</style></head><body>\n"
        "<article>\n"
        + "\n".join(f'<p class="body">{encode(p)}</p>' for p in paras)
        + "\n</article>\n</body></html>\n"
    )
    linter = Linter()
    as_text = linter.check(seed_text, format="text")
    as_html = linter.check(page, format="html")
    assert Counter(f.code for f in as_html.findings) == Counter(f.code for f in as_text.findings)
    from newscheck.fixes import fix_until_stable

    fixed, _ = fix_until_stable(page, lambda t: linter.check(t, format="html").findings)
    assert fixed.count("<p ") == fixed.count("</p>")  # fixes never cut a tag in half
    for tag in (
        "<!DOCTYPE html>",
        "<head>",
        "</head>",
        "<body>",
        "<article>",
        "</article>",
        "</body>",
        "</html>",
    ):
        assert fixed.count(tag) == 1, tag
    for f in as_html.findings:  # every span starts in visible text, not in markup
        assert page.rfind("<", 0, f.start + 1) < page.rfind(">", 0, f.start + 1), page[f.start - 20 : f.end]


@pytest.mark.parametrize("unit", ["x<b y ", '<a href="', "<!DOC ", "<body ", "<script ", "<p title='"])
def test_html_full_of_unclosed_tags_is_masked_in_one_pass(unit):
    # Each '<' that never closes must not rescan the rest of the text (quadratic before).
    text = unit * 20_000
    view = mask_for("html", text)
    assert len(view) == len(text)
    if unit == "x<b y ":
        assert view == text  # no tag ever closes: nothing to blank
