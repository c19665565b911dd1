"""hypothesis strategies for news-shaped articles, clean or with labelled defects."""

from __future__ import annotations

import random as _random
from collections.abc import Iterable

from hypothesis import assume
from hypothesis import strategies as st

from ..findings import Category
from ._generate import MAX_PARAGRAPHS, QUOTE_STYLES, STORIES, VARIANTS, generate_article
from ._inject import LabelledArticle, NoInjectionSite, inject, parse_categories

__all__ = ["articles", "articles_with_defects", "generate_labelled_article"]


# The generator makes hundreds of random choices; recording each in hypothesis's choice sequence
# (``st.randoms()``) makes every example "large" and shrinks no better. One seed per article
# keeps examples small and reproducible; the paragraph count and the defect count still shrink.
_SEEDS = st.integers(0, 2**32 - 1)


def _paragraph_range(paragraphs: int | tuple[int, int] | None) -> tuple[int, int]:
    if paragraphs is None:
        return 8, 14
    lo, hi = (paragraphs, paragraphs) if isinstance(paragraphs, int) else paragraphs
    if not 1 <= lo <= hi <= MAX_PARAGRAPHS:
        raise ValueError(
            f"paragraphs must be a count or a (min, max) pair within 1..{MAX_PARAGRAPHS}, got {paragraphs!r}"
        )
    return lo, hi


def _check_variant(variant: str | None) -> None:
    if variant is not None and variant not in VARIANTS:
        raise ValueError(
            f"unknown English variant {variant!r}; use one of: {', '.join(VARIANTS)} (or None for either)"
        )


def articles(
    *,
    paragraphs: int | tuple[int, int] | None = None,
    variant: str | None = None,
    captions: bool = False,
    dateline: bool | None = None,
    lists: bool = True,
    quotes: str | None = None,
    story: str | None = None,
) -> st.SearchStrategy[str]:
    """Clean news articles: a headline, then body paragraphs separated by blank lines.

    The body has a lede (with a dateline such as ``"MOSCOW (Reuters) — "`` when ``dateline``
    is true; by default sometimes), quotes with attributions, invented people and real places,
    figures in currencies and per cent, a date with its correct weekday and a list.

    - ``paragraphs``: the number of body paragraphs, or a ``(min, max)`` range (default 8–14).
    - ``variant``: ``"us"`` or ``"gb"`` English, spelled consistently; None draws either.
    - ``captions``: add photo captions with credits, as scraped pages carry them. newscheck's
      boilerplate family reports these, so a captioned article is clean of every *other*
      family only: use it as input for a pipeline that should strip captions.
    - ``lists``: allow a bulleted list (otherwise lists are inline).
    - ``quotes``: ``"curly"`` (“ ” ’) or ``"straight"`` (" '); None draws either.
    - ``story``: ``"summit"`` (a diplomatic visit) or ``"business"`` (a company's annual
      results); None draws either.

    Shrinks towards fewer paragraphs; the text is a pure function of hypothesis's choices.
    """
    lo, hi = _paragraph_range(paragraphs)
    _check_variant(variant)
    if story is not None and story not in STORIES:
        raise ValueError(f"unknown story {story!r}; use one of: {', '.join(STORIES)} (or None for either)")
    if quotes is not None and quotes not in QUOTE_STYLES:
        raise ValueError(
            f"unknown quote style {quotes!r}; use one of: {', '.join(QUOTE_STYLES)} (or None for either)"
        )

    @st.composite
    def build(draw: st.DrawFn) -> str:
        rnd = _random.Random(draw(_SEEDS))
        return generate_article(
            rnd,
            paragraphs=draw(st.integers(lo, hi)),
            variant=variant or draw(st.sampled_from(VARIANTS)),
            captions=captions,
            dateline=dateline,
            lists=lists,
            quotes=quotes or draw(st.sampled_from(QUOTE_STYLES)),
            story=story or draw(st.sampled_from(STORIES)),
        )

    return build()


def generate_labelled_article(
    random: _random.Random,
    *,
    categories: str | Category | Iterable[str | Category] | None = None,
    max_defects: int = 3,
    base: str | None = None,
    **article_options: object,
) -> LabelledArticle:
    """One article with 1 to ``max_defects`` labelled defects, from a ``random.Random``.

    The non-hypothesis twin of :func:`articles_with_defects` (benchmarks, corpora): ``base``
    is your own text to damage, or None for a generated article (``article_options`` as for
    :func:`articles`, with ``variant`` "us" or "gb"). Raises :class:`NoInjectionSite` when the
    text has no place for any defect of ``categories``.
    """
    if max_defects < 1:
        raise ValueError(f"max_defects must be at least 1, got {max_defects}")
    cats = parse_categories(categories)
    if base is None:
        options = dict(article_options)
        options.setdefault("variant", random.choice(VARIANTS))
        base = generate_article(random, **options)  # type: ignore[arg-type]
    article = LabelledArticle(base)
    for _ in range(random.randint(1, max_defects)):
        try:
            article = inject(article, random, categories=cats)
        except NoInjectionSite:
            if not article.defects:
                raise
            break
    return article


def articles_with_defects(
    categories: str | Category | Iterable[str | Category] | None = None,
    *,
    max_defects: int = 3,
    base: str | st.SearchStrategy[str] | None = None,
    **article_options: object,
) -> st.SearchStrategy[LabelledArticle]:
    """Articles with 1 to ``max_defects`` injected defects, each labelled by a :class:`Defect`.

    ``categories``: ``"boilerplate"``, ``"fragments"``, ``"consistency"``,
    ``"contradictions"`` or a list of them (default: all four). ``base``: your own text, or a
    strategy of texts, to damage instead of a generated article (texts with no place for any
    defect of those categories are rejected); ``article_options`` go to :func:`articles`.

    Every label points at exactly the injected text: ``labelled.text[d.start:d.end]``.
    """
    cats = parse_categories(categories)
    if max_defects < 1:
        raise ValueError(f"max_defects must be at least 1, got {max_defects}")
    if base is None:
        texts = articles(**article_options)  # type: ignore[arg-type]
    elif isinstance(base, str):
        texts = st.just(base)
    else:
        texts = base

    @st.composite
    def build(draw: st.DrawFn) -> LabelledArticle:
        article = LabelledArticle(draw(texts))
        rnd = _random.Random(draw(_SEEDS))
        for _ in range(draw(st.integers(1, max_defects))):
            try:
                article = inject(article, rnd, categories=cats)
            except NoInjectionSite:
                break
        assume(article.defects)
        return article

    return build()
