"""The checker protocol: a class with declared rules and options, and a pure ``check``.

A checker is built once per :class:`~newscheck.Linter` with its validated options, then
``check(doc)`` is called for each document and yields findings: no printing, no I/O, no
state carried from one document to the next.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import ConfigError

if TYPE_CHECKING:
    from .document import Document
    from .findings import Finding
    from .rules import Rule

__all__ = ["Checker"]


class Checker:
    """Base class for built-in and third-party checkers.

    Subclasses set ``name`` (unique, e.g. ``"boilerplate"`` or ``"acme-style"``), ``rules``
    (every rule the checker can report) and ``options`` (option name -> default value;
    the defaults' types are enforced), and implement :meth:`check`.
    """

    name: ClassVar[str] = ""
    rules: ClassVar[tuple[Rule, ...]] = ()
    options: ClassVar[Mapping[str, Any]] = {}
    #: True when the checker needs an external service (LanguageTool, a model) to report
    #: anything; its rule examples are then tested against a stand-in, not generically.
    needs_backend: ClassVar[bool] = False

    def __init__(self, options: Mapping[str, Any] | None = None, *, base_dir: str | None = None):
        self.config = self.validate_options(options or {})
        #: Directory that relative file names in options are resolved against.
        self.base_dir = base_dir

    @classmethod
    def validate_options(cls, options: Mapping[str, Any]) -> dict[str, Any]:
        """Merge ``options`` over the defaults; unknown keys and wrong types raise ConfigError."""
        merged = dict(cls.options)
        for key, value in options.items():
            norm = key.replace("_", "-")
            if norm not in cls.options:
                valid = ", ".join(sorted(cls.options)) or "(none)"
                raise ConfigError(
                    f"unknown option {key!r} for checker {cls.name!r}; valid options: {valid}"
                )
            default = cls.options[norm]
            if default is not None and not _same_kind(default, value):
                raise ConfigError(
                    f"option {cls.name}.{norm} must be {type(default).__name__}, got {value!r}"
                )
            merged[norm] = value
        return merged

    def rule(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)

    def check(self, doc: Document) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))
