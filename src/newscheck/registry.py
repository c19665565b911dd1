"""The checker registry: built-in families and third-party plugins, loaded the same way.

Built-ins are listed in :data:`BUILTIN_CHECKERS` and turned into entry points of the
``newscheck.checkers`` group, exactly like those third-party packages declare. An entry
point names a :class:`~newscheck.Checker` subclass or an iterable of them. A plugin that
fails to import becomes a :class:`~newscheck.errors.PluginLoadError`, never a crash.
"""

from __future__ import annotations

import importlib.metadata as md
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from .checker import Checker
from .errors import PluginLoadError
from .rules import Rule

__all__ = ["BUILTIN_CHECKERS", "ENTRY_POINT_GROUP", "Registry"]

ENTRY_POINT_GROUP = "newscheck.checkers"

#: name -> "module:attribute", loaded through the same path as third-party entry points.
BUILTIN_CHECKERS: dict[str, str] = {
    "boilerplate": "newscheck.checkers.boilerplate:CHECKERS",
    "fragments": "newscheck.checkers.fragments:CHECKERS",
    "consistency": "newscheck.checkers.consistency:CHECKERS",
    "contradictions": "newscheck.checkers.contradictions:CHECKERS",
    "grammar": "newscheck.checkers.grammar:CHECKERS",
}


@dataclass
class Registry:
    """Discovers checker classes. Build one, or use :meth:`default`.

    ``search_path`` limits plugin discovery to distributions found on those directories
    (tests use a fake ``*.dist-info/entry_points.txt`` in a temporary folder);
    ``plugins=False`` loads built-ins only.
    """

    builtins: dict[str, str] = field(default_factory=lambda: dict(BUILTIN_CHECKERS))
    plugins: bool = True
    search_path: Sequence[str] | None = None
    _loaded: tuple[list[type[Checker]], list[PluginLoadError]] | None = field(
        default=None, init=False, repr=False
    )

    _default: ClassVar[Registry | None] = None

    @classmethod
    def default(cls) -> Registry:
        if cls._default is None:
            cls._default = cls()
        return cls._default

    def entry_points(self) -> list[md.EntryPoint]:
        """Built-ins first (in table order), then plugins sorted by (name, value)."""
        eps = [md.EntryPoint(name, value, ENTRY_POINT_GROUP) for name, value in self.builtins.items()]
        if self.plugins:
            if self.search_path is not None:
                found = [
                    ep
                    for dist in md.distributions(path=list(self.search_path))
                    for ep in dist.entry_points
                    if ep.group == ENTRY_POINT_GROUP
                ]
            else:
                found = list(md.entry_points(group=ENTRY_POINT_GROUP))
            seen = {(ep.name, ep.value) for ep in eps}
            extra = {(ep.name, ep.value): ep for ep in found if (ep.name, ep.value) not in seen}
            eps.extend(extra[k] for k in sorted(extra))
        return eps

    def load(self) -> tuple[list[type[Checker]], list[PluginLoadError]]:
        """All checker classes that loaded, and an error for each plugin that did not."""
        if self._loaded is None:
            classes: list[type[Checker]] = []
            errors: list[PluginLoadError] = []
            names: dict[str, str] = {}
            for ep in self.entry_points():
                try:
                    loaded = _as_checker_classes(ep.name, ep.load())
                except PluginLoadError as exc:
                    errors.append(exc)
                    continue
                except Exception as exc:  # any import-time failure of foreign code
                    errors.append(PluginLoadError(ep.name, f"{type(exc).__name__}: {exc} (from {ep.value})"))
                    continue
                for cls in loaded:
                    if cls.name in names:
                        errors.append(
                            PluginLoadError(
                                ep.name,
                                f"checker name {cls.name!r} is already used by {names[cls.name]}; "
                                "rename one of them",
                            )
                        )
                        continue
                    names[cls.name] = ep.value
                    classes.append(cls)
            self._loaded = (classes, errors)
        return self._loaded

    @property
    def checkers(self) -> list[type[Checker]]:
        return self.load()[0]

    @property
    def rules(self) -> list[Rule]:
        """Every rule of every loaded checker, sorted by code."""
        return sorted((r for c in self.checkers for r in c.rules), key=lambda r: r.code)

    def rule(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        for r in self.rules:
            if r.code.upper() == key.upper() or r.name == key.lower():
                return r
        return None


def _as_checker_classes(name: str, obj: object) -> list[type[Checker]]:
    items: Iterable[object] = [obj] if isinstance(obj, type) else obj  # type: ignore[assignment]
    try:
        items = list(items)
    except TypeError:
        raise PluginLoadError(name, f"{obj!r} is neither a Checker subclass nor a list of them") from None
    out = []
    for item in items:
        if not (isinstance(item, type) and issubclass(item, Checker)):
            raise PluginLoadError(name, f"{item!r} is not a newscheck.Checker subclass")
        if not item.name:
            raise PluginLoadError(name, f"{item.__name__} has no 'name'")
        out.append(item)
    return out
