"""Input formats: how each one blanks what must not be checked, keeping every offset.

A mask replaces unchecked characters with spaces (line breaks are kept), so the view
has the same length as the original and offsets never need re-mapping.
"""

from __future__ import annotations

import regex

__all__ = ["detect_format", "mask_for", "EXTENSIONS", "FORMAT_NAMES"]

FORMAT_NAMES = ("text", "markdown")

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
}

_HTML_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", regex.S)
_FENCE = regex.compile(r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\2[`~]*[ \t]*$|\Z)", regex.S | regex.M)
_INLINE_CODE = regex.compile(r"(`+)(?!`).+?(?<!`)\1", regex.S)
_LINK = regex.compile(r"!?(\[)[^\[\]\n]*(\])(\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\))")
_REF_DEF = regex.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S.*$", regex.M)
_AUTOLINK = regex.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_HEADING_MARK = regex.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", regex.M)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


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
