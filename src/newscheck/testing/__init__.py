"""newscheck.testing: hypothesis strategies, defect injectors and assertions for news text.

Install with ``pip install 'newscheck[testing]'``. ``import newscheck`` never imports this
module or hypothesis.

- :func:`articles` — clean, news-shaped articles (a hypothesis strategy);
- :func:`articles_with_defects` — :class:`LabelledArticle` values whose :class:`Defect`
  labels point at exactly the injected text;
- :func:`inject_boilerplate`, :func:`inject_fragment`, :func:`inject_inconsistency`,
  :func:`inject_contradiction`, :func:`inject` — the injectors as plain functions, to damage
  your own corpus with a ``random.Random``;
- :func:`assert_no_findings` — fails with a readable list of findings;
- :func:`defects_found` — which labelled defects a report found (for recall).

The pytest fixture ``newscheck_linter`` lives in :mod:`newscheck.testing.pytest_plugin`.
"""

from __future__ import annotations

from ..errors import BackendUnavailable as _BackendUnavailable


class TestingExtraMissing(_BackendUnavailable, ImportError):
    """hypothesis is not installed; an ImportError too, so ``pytest.importorskip`` works."""

    __test__ = False  # not a pytest test class, despite the name


try:
    import hypothesis  # noqa: F401
except ImportError:  # pragma: no cover - exercised in a subprocess by the tests
    raise TestingExtraMissing(
        "newscheck.testing needs hypothesis: pip install 'newscheck[testing]'"
    ) from None

from ._generate import MAX_PARAGRAPHS, QUOTE_STYLES, STORIES, VARIANTS, generate_article
from ._inject import (
    KINDS,
    Defect,
    LabelledArticle,
    NoInjectionSite,
    inject,
    inject_boilerplate,
    inject_contradiction,
    inject_fragment,
    inject_inconsistency,
)
from ._matching import defects_found, finds
from .assertions import assert_no_findings, default_linter, format_findings
from .strategies import articles, articles_with_defects, generate_labelled_article

__all__ = [
    "KINDS",
    "MAX_PARAGRAPHS",
    "QUOTE_STYLES",
    "STORIES",
    "VARIANTS",
    "Defect",
    "LabelledArticle",
    "NoInjectionSite",
    "TestingExtraMissing",
    "articles",
    "articles_with_defects",
    "assert_no_findings",
    "default_linter",
    "defects_found",
    "finds",
    "format_findings",
    "generate_article",
    "generate_labelled_article",
    "inject",
    "inject_boilerplate",
    "inject_contradiction",
    "inject_fragment",
    "inject_inconsistency",
]
