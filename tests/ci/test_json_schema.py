"""The published JSON Schema (docs/json-schema.json) describes what the CLI writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newscheck.report import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "putin-xi-beijing-summit.txt"
SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))


def validate(data):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def cli_json(*args, input=None):
    proc = subprocess.run(
        [sys.executable, "-m", "newscheck", "check", "--format", "json", *args],
        input=input,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


def test_schema_version_matches_the_code():
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_seed_json_validates():
    data = cli_json(str(SEED))
    validate(data)
    assert data["summary"]["findings"] > 0


def test_records_and_stdin_validate(tmp_path):
    records = tmp_path / "a.jsonl"
    records.write_text(
        json.dumps({"id": 7, "text": SEED.read_text(encoding="utf-8")}) + "\n", encoding="utf-8"
    )
    data = cli_json(str(records))
    validate(data)
    assert data["reports"][0]["path"] == f"{records}:7"
    validate(cli_json("-", input=b"Police said the road was closed on Monday.\n"))


def test_schema_rejects_what_the_cli_never_writes():
    data = cli_json(str(SEED))
    data["reports"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
