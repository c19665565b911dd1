"""The shipped lexicon: data files load and carry the word classes the rules rely on."""

from __future__ import annotations

from newscheck.checkers.fragments.lexicon import LEXICON


def test_closed_classes():
    assert {"a", "an", "the"} <= LEXICON.articles
    assert "said" in LEXICON.attribution_verbs
    assert "during" in LEXICON.strict_prepositions
    assert "has" in LEXICON.auxiliaries


def test_open_class_tags():
    assert LEXICON.has_tag("continues", "z") and not LEXICON.has_tag("continues", "n")
    assert LEXICON.has_tag("plans", "n") and LEXICON.has_tag("plans", "z")
    assert LEXICON.can_be_verb("entered")
    assert not LEXICON.can_be_verb("policy")
    assert not LEXICON.can_be_verb("university")
    assert len(LEXICON.tags) > 20_000
