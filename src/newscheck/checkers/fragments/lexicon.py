"""The light English lexicon the fragments checkers use: closed-class words and verb forms.

Both files are data (``data/function_words.toml``, ``data/lexicon.tsv``), loaded once at import.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10
    import tomli as tomllib

__all__ = ["LEXICON", "Lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """Word classes as frozensets of lowercase words; ``tags`` maps a word to its POS letters."""

    articles: frozenset[str]
    possessives: frozenset[str]
    determiners: frozenset[str]
    strict_prepositions: frozenset[str]
    loose_prepositions: frozenset[str]
    coordinators: frozenset[str]
    subordinators: frozenset[str]
    auxiliaries: frozenset[str]
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    first_person: frozenset[str]
    attribution_verbs: frozenset[str]
    core_attribution_verbs: frozenset[str]
    lowercase_openers: frozenset[str]
    stylistic_openers: frozenset[str]
    finite_auxiliaries: frozenset[str]
    modals: frozenset[str]
    stub_second_words: frozenset[str]
    ellipsis_subjects: frozenset[str]
    noun_phrase_starts: frozenset[str]
    quantifiers: frozenset[str]
    noun_phrase_glue: frozenset[str]
    relatives: frozenset[str]
    relative_heads: frozenset[str]
    verb_particles: frozenset[str]
    first_person_words: frozenset[str]
    house_voice_nouns: frozenset[str]
    stop_comma_abbreviations: frozenset[str]
    tags: dict[str, str]

    def can_be_verb(self, word: str) -> bool:
        """True if ``word`` (lowercase) may be a verb or auxiliary form."""
        t = self.tags.get(word)
        return t is not None and any(c in t for c in "xbzdpg")

    def is_known(self, word: str) -> bool:
        return word in self.tags

    def has_tag(self, word: str, letters: str) -> bool:
        t = self.tags.get(word, "")
        return any(c in t for c in letters)


def _load() -> Lexicon:
    base = resources.files(__package__) / "data"
    groups = tomllib.loads((base / "function_words.toml").read_text("utf-8"))
    tags: dict[str, str] = {}
    for line in (base / "lexicon.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, t = line.partition("\t")
        tags[word] = t
    sets = {k: frozenset(w.lower() for w in v) for k, v in groups.items()}
    return Lexicon(tags=tags, **sets)


LEXICON = _load()
