"""Shared fixtures: the bundled example article and a fake plugin environment."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "putin-xi-beijing-summit.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def fake_dist():
    """Builds a fake installed distribution declaring newscheck checker entry points."""
    return make_fake_dist


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


def make_fake_dist(tmp_path: Path, name: str, entry_points: dict[str, str]) -> Path:
    """A ``*.dist-info`` folder with an ``entry_points.txt``, as an installed package has."""
    dist = tmp_path / f"{name}-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    lines = ["[newscheck.checkers]"] + [f"{k} = {v}" for k, v in entry_points.items()]
    (dist / "entry_points.txt").write_text("\n".join(lines) + "\n")
    return tmp_path
