"""Input formats: how each one blanks what must not be checked, keeping every offset.

A mask replaces unchecked characters with spaces (line breaks are kept), so the view
has the same length as the original and offsets never need re-mapping. HTML goes one
step further: block-level tags become line breaks in the view, so paragraphs split where
a browser would break them, and entities become the character they stand for.

JSON and JSONL files are not documents but containers of article records; see
:func:`iter_records`.
"""

from __future__ import annotations

import html as _html
import json
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .errors import InputError

__all__ = [
    "EXTENSIONS",
    "FORMAT_NAMES",
    "INPUT_FORMATS",
    "RECORD_FORMATS",
    "Record",
    "detect_format",
    "iter_records",
    "mask_for",
    "split_record_path",
]

#: Formats a :class:`~newscheck.Document` can have.
FORMAT_NAMES = ("text", "markdown", "html")
#: File formats holding several article records, each checked as its own document.
RECORD_FORMATS = ("json", "jsonl")
#: Everything ``--input-format`` accepts.
INPUT_FORMATS = FORMAT_NAMES + RECORD_FORMATS

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

#: Field names tried, in order, when ``--field`` is not given.
DEFAULT_TEXT_FIELDS = ("body", "text", "content")

_HTML_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", regex.S)
_FENCE = regex.compile(
    r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\2[`~]*[ \t]*$|\Z)", regex.S | regex.M
)
_INLINE_CODE = regex.compile(r"(`+)(?!`).+?(?<!`)\1", regex.S)
_LINK = regex.compile(r"!?(\[)[^\[\]\n]*(\])(\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\))")
_REF_DEF = regex.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S.*$", regex.M)
_AUTOLINK = regex.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_HEADING_MARK = regex.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", regex.M)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")

# HTML tags, with quoted attribute values that may contain '>'. Every repeat is bounded so
# that text full of '<' that never closes (``x<y``) stays linear: a real tag is far shorter.
_ATTRS = r"""(?:[^<>"']|"[^"]{0,2048}"|'[^']{0,2048}'){0,2048}"""
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,64})(" + _ATTRS + ")>")
_DECLARATION = regex.compile(
    r"<![A-Za-z][^<>]{0,2048}>|<\?.*?(?:\?>|>|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)", regex.S
)
# Elements whose content is never visible body text.
_HIDDEN = (
    "head",
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "math",
    "iframe",
    "object",
    "pre",
    "code",
    "textarea",
    "select",
)
_HIDDEN_ELEMENT = regex.compile(
    r"<(" + "|".join(_HIDDEN) + r")\b" + _ATTRS + r">.*?(?:</\1\s*>|\Z)", regex.S | regex.I
)
_BODY_OPEN = regex.compile(r"<body\b" + _ATTRS + ">", regex.I)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p section "
    "summary table tbody td tfoot th thead title tr ul".split()
)
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
# Pads a decoded entity inside a word: a combining mark keeps the word one token.
_IN_WORD_PAD = "\u034f"


def detect_format(path: str | None, override: str | None = None) -> str:
    """The format named by ``override``, else by the file extension, else plain text."""
    if override:
        return override
    if path:
        lower = path.lower()
        for ext, fmt in EXTENSIONS.items():
            if lower.endswith(ext):
                return fmt
    return "text"


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def mask_for(fmt: str, text: str) -> str:
    """The analysis view of ``text`` in format ``fmt`` (same length, offsets unchanged)."""
    if fmt == "html":
        return _mask_html(text)
    spans: list[tuple[int, int]] = [m.span() for m in _HTML_COMMENT.finditer(text)]
    if fmt == "markdown":
        m = _FRONT_MATTER.match(text)
        if m:
            spans.append(m.span())
        for m in _LINK.finditer(text):
            spans.extend((m.span(1), m.span(2), m.span(3), (m.start(), m.start(1))))
        for rx in (_FENCE, _INLINE_CODE, _REF_DEF, _AUTOLINK, _HEADING_MARK, _HTML_TAG):
            spans.extend(m.span() for m in rx.finditer(text))
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        _blank(chars, s, e)
    view = "".join(chars)
    assert len(view) == len(text)
    return view


def _mask_html(text: str) -> str:
    """Visible body text only: tags, comments, hidden elements blanked; entities decoded.

    A block-level tag becomes a blank line in the view (when it is long enough to hold
    one), so ``<p>One.</p><p>Two.</p>`` on one source line is two paragraphs. A decoded
    entity is padded to keep the length: with spaces after it, or before it when a word
    follows (``&ldquo;Both`` keeps its quote against the word), or with U+034F (a
    combining mark) inside a word, so ``Putin&rsquo;s`` stays one token.
    """
    chars = list(text)
    for rx in (_HTML_COMMENT, _DECLARATION, _HIDDEN_ELEMENT):
        for m in rx.finditer(text):
            _blank(chars, *m.span())
    body_open = _BODY_OPEN.search(text)
    if body_open:
        _blank(chars, 0, body_open.end())
    for m in _TAG.finditer(text):
        s, e = m.span()
        if chars[s] != "<":  # inside something already blanked
            continue
        _blank(chars, s, e)
        name = m.group(2).lower()
        if name == "br" and e - s >= 1:
            chars[s] = "\n"
        elif name in _BLOCK_TAGS and e - s >= 2:
            chars[s] = chars[s + 1] = "\n"
    for m in _ENTITY.finditer(text):
        s, e = m.span()
        if chars[s] != "&":
            continue
        decoded = _html.unescape(m.group(0))
        if decoded == m.group(0) or len(decoded) > e - s:
            continue
        if decoded.isspace():
            decoded = " "
        before = s > 0 and chars[s - 1].isalnum()
        after = e < len(text) and text[e].isalnum()
        fill = e - s - len(decoded)
        if decoded.isspace():
            chars[s:e] = list(decoded + " " * fill)
        elif before and after:
            chars[s:e] = list(decoded + _IN_WORD_PAD * fill)
        elif after:  # an opening mark: keep it against the word it opens ("&ldquo;Both")
            chars[s:e] = list(" " * fill + decoded)
        else:
            chars[s:e] = list(decoded + " " * fill)
    view = "".join(chars)
    assert len(view) == len(text)
    return view


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a JSON/JSONL file: its id, its text, and where it starts in the file."""

    id: str
    text: str
    #: 1-based line of the record in the file (its line in JSONL, its opening brace in JSON).
    line: int


def iter_records(
    raw: str,
    fmt: str,
    *,
    name: str = "<input>",
    field: str | None = None,
    id_field: str = "id",
) -> Iterator[Record]:
    """The article records of a JSON or JSONL file.

    JSON holds one object or a list of objects; JSONL one object per non-blank line.
    ``field`` names the text field (dots reach into nested objects: ``content.body``);
    without it the first of ``body``, ``text``, ``content`` present is used. A record
    without ``id_field`` gets its 1-based number as id.
    """
    if fmt == "jsonl":
        items = []
        for lineno, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{name}:{lineno}: not a JSON object ({exc.msg}); JSONL needs one object per line"
                ) from None
    elif fmt == "json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
        data = data if isinstance(data, list) else [data]
        items = [(1, item) for item in data]
    else:
        raise ValueError(f"not a record format: {fmt!r}; valid: {', '.join(RECORD_FORMATS)}")
    for number, (lineno, item) in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError(f"{name}:{lineno}: record {number} is a {type(item).__name__}, not an object")
        rid = item.get(id_field)
        rid = str(number) if rid is None or isinstance(rid, (dict, list)) else str(rid)
        text = _field(item, field, name=name, rid=rid)
        yield Record(rid, text, lineno)


def _field(item: dict, field: str | None, *, name: str, rid: str) -> str:
    if field is None:
        for candidate in DEFAULT_TEXT_FIELDS:
            if isinstance(item.get(candidate), str):
                return item[candidate]
        keys = ", ".join(sorted(item)) or "(none)"
        raise InputError(
            f"{name}:{rid}: no text field ({', '.join(DEFAULT_TEXT_FIELDS)}) in the record; "
            f"its fields are {keys}; pass --field NAME"
        )
    value: object = item
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            keys = ", ".join(sorted(value)) if isinstance(value, dict) else "(none)"
            raise InputError(
                f"{name}:{rid}: record has no field {field!r} (fields: {keys}); pass --field NAME"
            )
        value = value[part]
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{name}:{rid}: field {field!r} is a {type(value).__name__}, not text")
    return value


_RECORD_PATH = regex.compile(r"\A(.+?\.(?:json|jsonl|ndjson)):(.*)\Z", regex.I | regex.S)


def split_record_path(path: str | None) -> tuple[str, str] | None:
    """``("file.jsonl", "id")`` for a record's report path ``file.jsonl:id``, else None.

    Positions in such a report count from the start of the record's text, not the file.
    """
    if not path:
        return None
    m = _RECORD_PATH.match(path)
    return (m.group(1), m.group(2)) if m else None
