"""UTF-16 code units <-> Python ``str`` offsets, for LanguageTool's Java-string offsets.

LanguageTool counts offsets and lengths in UTF-16 code units, so each character outside
the Basic Multilingual Plane (emoji, many CJK extensions) counts twice there and once
in Python. The conversion happens here, at the adapter's edge, and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

__all__ = ["Utf16Index", "utf16_length"]

_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Java's ``String.length()`` says)."""
    return len(text.encode("utf-16-le", "surrogatepass")) >> 1


class Utf16Index:
    """Converts offsets in one text between UTF-16 code units and Python characters.

    >>> idx = Utf16Index("🙂 teh")
    >>> idx.to_python(3), idx.to_python(6, end=True)
    (2, 5)
    """

    __slots__ = ("_py", "_u16", "length")

    def __init__(self, text: str):
        #: Python index of each astral character, and the UTF-16 offset where it starts.
        self._py = [m.start() for m in _ASTRAL.finditer(text)]
        self._u16 = [p + k for k, p in enumerate(self._py)]
        self.length = len(text) + len(self._py)

    def to_python(self, offset: int, *, end: bool = False) -> int:
        """The Python offset of a UTF-16 ``offset``.

        An offset inside a surrogate pair (which a well-behaved server never sends) is
        rounded outwards: down for a start, up for an ``end``, so the span keeps the
        whole character.
        """
        if not self._u16:
            return offset
        # Astral characters wholly before `offset` each took one extra code unit.
        p = offset - bisect_right(self._u16, offset - 2)
        k = bisect_left(self._u16, offset)
        if not end and k and self._u16[k - 1] == offset - 1:
            p -= 1
        return p

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of a Python ``offset``."""
        return offset + bisect_left(self._py, offset)
