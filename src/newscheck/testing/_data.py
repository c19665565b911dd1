"""The vocabulary of generated articles and injected defects, read once from ``data/``."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    adjective: str
    capital: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    given: tuple[str, ...]
    surnames: tuple[str, ...]
    institutions: tuple[str, ...]
    fields: tuple[str, ...]
    agencies: tuple[str, ...]
    outlets: tuple[str, ...]
    photographers: tuple[str, ...]
    countries: tuple[Country, ...]
    #: spelling -> variants, for places and for surnames
    places: dict[str, tuple[str, ...]]
    translit_surnames: dict[str, tuple[str, ...]]
    us_to_gb: dict[str, str]
    gb_to_us: dict[str, str]
    #: (noun, wordings)
    terms: tuple[tuple[str, tuple[str, ...]], ...]
    templates: dict[str, Any]
    defects: dict[str, Any]


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text("utf-8"))


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@cache
def vocabulary() -> Vocabulary:
    names = _toml("names.toml")
    places: dict[str, tuple[str, ...]] = {}
    surnames: dict[str, tuple[str, ...]] = {}
    for kind, spelling, variants in _rows("transliterations.tsv"):
        table = places if kind == "place" else surnames
        table[spelling] = tuple(v.strip() for v in variants.split(","))
    us_gb = {us: gb for us, gb in _rows("spelling_us_gb.tsv")}
    terms = tuple((t["noun"], tuple(t["wordings"])) for t in _toml("quoted_terms.toml")["term"])
    countries = tuple(
        Country(c["name"], c["adjective"], c["capital"], tuple(c["aliases"]), tuple(c["titles"]))
        for c in _toml("places.toml")["country"]
    )
    return Vocabulary(
        given=tuple(names["given"]),
        surnames=tuple(names["surnames"]),
        institutions=tuple(names["institutions"]),
        fields=tuple(names["fields"]),
        agencies=tuple(names["agencies"]),
        outlets=tuple(names["outlets"]),
        photographers=tuple(names["photographers"]),
        countries=countries,
        places=places,
        translit_surnames=surnames,
        us_to_gb=us_gb,
        gb_to_us={gb: us for us, gb in us_gb.items()},
        terms=terms,
        templates=_toml("templates.toml"),
        defects=_toml("defects.toml"),
    )
