"""Loading the family's data files (once, at import or on first use)."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


def read_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text("utf-8")


@cache
def read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(read_text(name))


def data_lines(name: str) -> list[str]:
    """Non-blank lines of a text data file, without ``#`` comment lines."""
    return [
        line.rstrip("\n")
        for line in read_text(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
