"""format-mix (NC306)."""

from __future__ import annotations

import pytest


def test_percent_styles(run, spans, related):
    text = "Prices rose 5 per cent in May and 4 per cent in June. Analysts expected 3 percent."
    found = run(text, "NC306")
    assert spans(text, found) == ["percent"]
    assert related(text, found[0]) == ["per cent", "per cent"]


def test_amount_styles(run, spans):
    text = "Trade reached $240bn, up from $190bn. Exports hit $30 billion."
    assert spans(text, run(text, "NC306")) == ["$30 billion"]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5% in May, 4 per cent in June and 3 per cent in July.",
        "Trade reached $2.5 trillion; exports hit $300bn and imports $250bn.",
        "It costs £5m. “We spent £3 million,” he said. The rest cost £2m.",
    ],
)
def test_quiet_cases(run, text):
    assert run(text, "NC306") == []
