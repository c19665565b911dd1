"""The example article: Kharkov/Kharkiv and the three renderings of one quoted term."""

from __future__ import annotations

from newscheck import Linter


def test_kharkov_is_reported_against_kharkiv(seed_text, run, spans, related):
    found = run(seed_text, "NC302")
    assert spans(seed_text, found) == ["Kharkov"]
    assert related(seed_text, found[0]) == ["Kharkiv"]
    assert found[0].fix is not None and not found[0].fix.is_safe
    assert found[0].fix.edits[0].replacement == "Kharkiv"


def test_boundless_unlimited_unrestricted_are_related_renderings(seed_text, run, spans, related):
    found = run(seed_text, "NC304")
    assert spans(seed_text, found) == ["unlimited", "unrestricted"]
    assert set(related(seed_text, found[0])) == {"boundless", "unrestricted"}
    assert set(related(seed_text, found[1])) == {"boundless", "unlimited"}


def test_zelenskiy_used_once_is_not_a_finding(seed_text, run):
    assert "Zelenskiy" in seed_text
    assert not [f for f in run(seed_text) if seed_text[f.start : f.end].startswith("Zelensk")]


def test_seed_has_no_other_default_consistency_findings(seed_text):
    report = Linter(select=["consistency"]).check(seed_text)
    assert sorted((f.code, seed_text[f.start : f.end]) for f in report.findings) == [
        ("NC302", "Kharkov"),
        ("NC304", "unlimited"),
        ("NC304", "unrestricted"),
    ]
