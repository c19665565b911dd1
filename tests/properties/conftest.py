"""Shared pieces of the property suite: one Linter per family, built once per session."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from newscheck import Category, Linter, Registry

#: family (checker package) -> the category its rules report
FAMILIES = {
    "boilerplate": Category.BOILERPLATE,
    "fragments": Category.FRAGMENT,
    "consistency": Category.CONSISTENCY,
    "contradictions": Category.CONTRADICTION,
}


@cache
def _family_linter(family: str) -> Linter | None:
    category = FAMILIES[family]
    names = [
        c.name
        for c in Registry.default().checkers
        if not c.needs_backend and any(r.category is category for r in c.rules)
    ]
    return Linter(select=names) if names else None


@pytest.fixture(scope="session")
def linter_for() -> Callable[[str], Linter]:
    """``linter_for(family)``: a Linter with every rule of the family (default-off ones too).

    Skips the test while the family's checkers are still an empty placeholder.
    """

    def get(family: str) -> Linter:
        linter = _family_linter(family)
        if linter is None:
            pytest.skip("family not implemented yet")
        return linter

    return get
