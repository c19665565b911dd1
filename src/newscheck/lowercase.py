"""``lower(text)``: ``str.lower()`` without its big work space on long non-ASCII text."""

from __future__ import annotations

__all__ = ["LOWER_CHUNK", "lower"]

#: Characters lower-cased at a time: str.lower() of non-ASCII text takes a work buffer of
#: twelve bytes per character, 24 MB for a 2 MB document in one piece.
LOWER_CHUNK = 1 << 16


def lower(text: str) -> str:
    """``text.lower()``, with a small work space on long non-ASCII text.

    Non-ASCII text is lowered in pieces cut after a space: lowering looks at neighbours
    only across case-ignorable characters (for a final sigma), which a space is not, so
    the pieces lowered apart join to the same text as the whole lowered at once.
    """
    if text.isascii() or len(text) <= LOWER_CHUNK:
        return text.lower()
    parts, pos, n = [], 0, len(text)
    while pos < n:
        cut = text.find(" ", pos + LOWER_CHUNK) + 1 if pos + LOWER_CHUNK < n else n
        if cut <= 0:
            cut = n
        parts.append(text[pos:cut].lower())
        pos = cut
    return "".join(parts)
