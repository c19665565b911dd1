"""The house-style vocabulary: preferred spellings and the forms they replace.

Built from the checker's options (see ``docs/checkers/consistency.md``)::

    [tool.newscheck.consistency]
    house-style = { Kyiv = ["Kiev"], "per cent" = ["percent"] }
    house-style-file = "style/vocabulary.toml"     # same table under [house-style], plus exempt
    house-style-exempt = ["chicken Kiev"]          # fixed expressions left alone

With neither ``house-style`` nor ``house-style-file`` set the rule is silent;
``house-style-builtin = true`` adds the built-in vocabulary: the entries of
``data/known_variants.toml`` marked ``house = true``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from ...errors import ConfigError
from ._text import Ranges
from .names import KnownVariants, words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

_B = r"(?<![\p{L}\p{M}\p{N}])"
_E = r"(?![\p{L}\p{M}\p{N}])"


@dataclass(frozen=True, slots=True)
class Rejected:
    start: int
    end: int
    found: str
    preferred: str


class Vocabulary:
    """Rejected form -> preferred form, compiled into one pattern."""

    def __init__(self, mapping: Mapping[str, str], exempt: Iterable[str] = (), source: str = ""):
        self.source = source
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        exact, folded = [], []
        for rejected, preferred in mapping.items():
            key = _squash(rejected)
            if rejected.lower() == rejected:  # lower-case entries match any capitalisation
                self._folded[key.lower()] = preferred
                folded.append(rejected)
            else:
                self._exact[key] = preferred
                exact.append(rejected)
        parts = []
        if exact:
            parts.append(_alternation(exact))
        if folded:
            parts.append("(?i:" + _alternation(folded) + ")")
        self.pattern = regex.compile(_B + "(?:" + "|".join(parts) + ")" + _E) if parts else None
        # The first word of each rejected form: the article must contain one for a match.
        self._needles_exact = frozenset(words(r)[0] for r in exact if words(r))
        self._needles_folded = frozenset(words(r)[0].lower() for r in folded if words(r))
        exempt = [e for e in exempt if e.strip()]
        self.exempt = regex.compile("(?i:" + _alternation(exempt) + ")") if exempt else None

    def __bool__(self) -> bool:
        return self.pattern is not None

    def may_occur(self, tokens: set[str], lower: set[str]) -> bool:
        return bool(self._needles_exact & tokens or self._needles_folded & lower)

    def find(self, view: str) -> Iterator[Rejected]:
        if self.pattern is None:
            return
        exempt = Ranges(self.exempt.finditer(view) if self.exempt else ())
        for m in self.pattern.finditer(view):
            if exempt.covers(m.start()):
                continue
            found = m.group()
            key = _squash(found)
            preferred = self._exact.get(key)
            if preferred is None:
                preferred = _match_case(self._folded[key.lower()], found)
            if preferred != found:
                yield Rejected(m.start(), m.end(), found, preferred)


def _squash(s: str) -> str:
    return regex.sub(r"\s+", " ", s).strip()


def _alternation(phrases: Iterable[str]) -> str:
    parts = sorted({_squash(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in parts)


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _invert(table: Any, where: str) -> dict[str, str]:
    """``{preferred: [rejected, ...]}`` -> ``{rejected: preferred}``, validated."""
    if not isinstance(table, Mapping):
        raise ConfigError(
            f"{where} must be a table of preferred = [rejected, ...], e.g. {{Kyiv = [\"Kiev\"]}}; got {table!r}"
        )
    out: dict[str, str] = {}
    for preferred, rejected in table.items():
        if isinstance(rejected, str):
            rejected = [rejected]
        if not isinstance(rejected, (list, tuple)) or not all(isinstance(r, str) and r.strip() for r in rejected):
            raise ConfigError(
                f"{where}: the value for {preferred!r} must be a list of rejected spellings, got {rejected!r}"
            )
        for r in rejected:
            if r in out and out[r] != preferred:
                raise ConfigError(f"{where}: {r!r} is rejected in favour of both {out[r]!r} and {preferred!r}")
            out[r] = str(preferred)
    return out


def build_vocabulary(config: Mapping[str, Any], base_dir: str | None, known: KnownVariants) -> Vocabulary:
    inline = config.get("house-style") or {}
    file = config.get("house-style-file") or ""
    exempt = list(config.get("house-style-exempt") or [])
    mapping: dict[str, str] = {}
    source = "built-in"
    if file:
        path = Path(file)
        if not path.is_absolute() and base_dir:
            path = Path(base_dir) / path
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except OSError as exc:
            raise ConfigError(
                f"consistency.house-style-file {str(path)!r} cannot be read ({exc.strerror}); "
                "give a TOML file with a [house-style] table, relative to the config file"
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"consistency.house-style-file {str(path)!r} is not valid TOML: {exc}") from None
        mapping.update(_invert(data.get("house-style", {}), f"[house-style] in {path}"))
        file_exempt = data.get("exempt", [])
        if not isinstance(file_exempt, list) or not all(isinstance(e, str) for e in file_exempt):
            raise ConfigError(f"'exempt' in {path} must be a list of phrases, got {file_exempt!r}")
        exempt.extend(file_exempt)
        source = str(path)
    if inline:
        mapping.update(_invert(inline, "consistency.house-style"))
        source = "config" if not file else source
    if config.get("house-style-builtin"):
        builtin = {f: e.preferred for e in known.entries if e.house for f in e.forms if f != e.preferred}
        mapping = {**builtin, **mapping}
    # Fixed expressions the curated table knows ("chicken Kiev") stay exempt for any vocabulary.
    rejected = set(mapping)
    for e in known.entries:
        if rejected & set(e.forms):
            exempt.extend(e.exempt)
    return Vocabulary(mapping, exempt, source)
