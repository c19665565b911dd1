"""Configuration: ``[tool.newscheck]`` in ``pyproject.toml`` or ``newscheck.toml``.

Found by walking up from the checked file (or the working directory); merged with
command-line / API options, which win. Tables named after a checker (``[tool.newscheck.
boilerplate]``) hold that checker's options and are validated by the checker itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["Config", "find_config", "load_config"]

CONFIG_FILES = ("newscheck.toml", ".newscheck.toml", "pyproject.toml")

#: key -> (expected type, description); the documentation table in docs/configuration.md matches.
TOP_LEVEL_KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "select": (list, "rule codes, code prefixes, rule names or families to enable (replaces the default set)"),
    "extend-select": (list, "rules to enable on top of the default set (e.g. off-by-default rules)"),
    "ignore": (list, "rule codes, prefixes, names or families to disable"),
    "fail-on": (str, "lowest severity that makes the run fail: error, warning or info"),
    "include": (list, "glob patterns of files to check when a directory is given"),
    "exclude": (list, "glob patterns of files or directories to skip"),
    "per-file-ignores": (dict, "glob -> list of codes ignored in matching files"),
    "baseline": (str, "baseline file: findings recorded there do not fail the run"),
    "input-format": (str, "force the input format: text, markdown, html, json or jsonl (default: by extension)"),
    "encoding": (str, "encoding of checked files (default utf-8)"),
}

DEFAULT_INCLUDE = ["*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist"]


@dataclass(frozen=True)
class Config:
    """Resolved configuration. Build it with :func:`load_config` or :meth:`from_mapping`."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] = tuple(DEFAULT_INCLUDE)
    exclude: tuple[str, ...] = tuple(DEFAULT_EXCLUDE)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    baseline: str | None = None
    input_format: str | None = None
    encoding: str = "utf-8"
    #: checker name -> its options table, validated when the checker is built.
    checkers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: Where the config came from; relative file names in it are resolved against its folder.
    source: str | None = None

    @property
    def base_dir(self) -> str:
        return str(Path(self.source).parent) if self.source else os.getcwd()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str | None = None,
                     checker_names: Any = None) -> Config:
        """Validate a ``[tool.newscheck]`` table. ``checker_names`` lists valid sub-tables."""
        where = f" in {source}" if source else ""
        if checker_names is None:
            from .registry import Registry

            checker_names = [c.name for c in Registry.default().checkers]
        checker_names = set(checker_names)
        kwargs: dict[str, Any] = {}
        checkers: dict[str, Mapping[str, Any]] = {}
        for raw_key, value in data.items():
            key = raw_key.replace("_", "-")
            if key in checker_names and isinstance(value, Mapping):
                checkers[key] = dict(value)
                continue
            if key not in TOP_LEVEL_KEYS:
                valid = ", ".join(sorted(TOP_LEVEL_KEYS))
                tables = ", ".join(f"[{n}]" for n in sorted(checker_names))
                raise ConfigError(
                    f"unknown key {raw_key!r} in [tool.newscheck]{where}; valid keys: {valid}; "
                    f"checker tables: {tables}"
                )
            expected, _ = TOP_LEVEL_KEYS[key]
            if isinstance(value, str) and expected is list:
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, expected):
                raise ConfigError(
                    f"[tool.newscheck] {key}{where} must be a {expected.__name__}, got {value!r}"
                )
            attr = key.replace("-", "_")
            if key == "fail-on":
                try:
                    value = Severity(value.lower())
                except ValueError:
                    raise ConfigError(
                        f"[tool.newscheck] fail-on{where} is {value!r}; valid values: error, warning, info"
                    ) from None
            elif key == "input-format":
                from .formats import INPUT_FORMATS

                if value not in INPUT_FORMATS:
                    raise ConfigError(
                        f"[tool.newscheck] input-format{where} is {value!r}; valid values: "
                        + ", ".join(INPUT_FORMATS)
                    )
            elif key == "per-file-ignores":
                value = {str(k): tuple(_str_list(v, f"per-file-ignores.{k}", where)) for k, v in value.items()}
            elif expected is list:
                value = tuple(_str_list(value, key, where))
            kwargs[attr] = value
        return cls(**kwargs, checkers=checkers, source=source)

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given non-None fields replaced (command-line options win)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.newscheck] {key}{where} must be a list of strings, got {value!r}")
    return list(value)


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest newscheck.toml / .newscheck.toml / pyproject.toml with a newscheck table."""
    here = Path(start or os.getcwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    data = _read_toml(candidate)
                except ConfigError:
                    raise
                if "newscheck" not in data.get("tool", {}):
                    continue
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}; fix the file's syntax") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None


def load_config(path: str | os.PathLike[str] | None = None, *, start: str | None = None) -> Config:
    """Load the config file at ``path``, or the nearest one above ``start``; defaults if none."""
    file = Path(path) if path else find_config(start)
    if file is None:
        return Config()
    if not file.is_file():
        raise ConfigError(f"config file {str(file)!r} does not exist; check the --config path")
    data = _read_toml(file)
    if file.name == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("newscheck", {})
    else:
        table = data
    if not isinstance(table, Mapping):
        raise ConfigError(f"{file}: [tool.newscheck] must be a table")
    return Config.from_mapping(table, source=str(file))


def coerce_config(config: Config | Mapping[str, Any] | str | os.PathLike[str] | None) -> Config:
    """Accept what ``newscheck.check(config=...)`` accepts: a Config, a table or a file path."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return Config.from_mapping(config)
    return load_config(config)
