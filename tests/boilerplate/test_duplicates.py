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
