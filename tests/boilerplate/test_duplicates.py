"""Duplicate detection stays linear: blocking keeps rapidfuzz comparisons near one per paragraph."""

from __future__ import annotations

from newscheck import Document
from newscheck.checkers.boilerplate import duplicates
from newscheck.checkers.boilerplate.checker import BoilerplateChecker


def test_comparisons_grow_linearly(monkeypatch):
    calls = []
    real = duplicates.fuzz.ratio

    def counting(a, b, **kw):
        calls.append(1)
        return real(a, b, **kw)

    monkeypatch.setattr(duplicates.fuzz, "ratio", counting)
    paras = [
        f"The committee heard evidence number {i} from witness {i * 7} about the budget for year {i % 13}."
        for i in range(600)
    ]
    list(BoilerplateChecker().check(Document("\n\n".join(paras))))
    assert 0 < len(calls) <= 2 * duplicates.MAX_BUCKET * len(paras)  # all pairs would be ~180,000


def test_near_duplicate_found_whatever_end_changed():
    base = "Ministers said the new tax on sugary drinks would raise £500m a year for school sport."
    start = "Officials said the new tax on sugary drinks would raise £500m a year for school sport."
    end = "Ministers said the new tax on sugary drinks would raise £500m a year for sports clubs."
    for variant in (start, end):
        text = f"{base}\n\nThe levy starts in April.\n\n{variant}\n"
        codes = [f.code for f in BoilerplateChecker().check(Document(text))]
        assert codes == ["NC107"], variant


def test_word_split_equals_translate_and_split_on_every_character():
    # _words avoids the slow str.translate; it must split exactly as the plain definition:
    # whitespace and the punctuation and symbols below U+2FFF, apostrophes kept.
    table = {c: " " for c in range(0x2FFF) if not chr(c).isalnum() and not chr(c).isspace() and chr(c) not in "'’"}
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for chunk in (text, text[:0x3100], "Don’t  miss—the “Best” café\u00a0deals!\u3000Now… 2,000"):
        assert [w.decode() for w in duplicates._words(chunk)] == chunk.lower().translate(table).split()
    assert [c for c in range(0x2FFF, 0x110000) if chr(c).isspace()] == [duplicates.IDEOGRAPHIC_SPACE]
