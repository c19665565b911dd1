"""SARIF 2.1.0: valid against the official schema, positions in code points, rules with help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newscheck.output import render

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "putin-xi-beijing-summit.txt"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(data: dict) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls(SCHEMA, format_checker=cls.FORMAT_CHECKER).validate(data)


@pytest.fixture(scope="module")
def seed_sarif() -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "newscheck", "check", "--format", "sarif", str(SEED)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


def test_seed_sarif_validates_against_the_2_1_0_schema(seed_sarif):
    validate(seed_sarif)
    run = seed_sarif["runs"][0]
    assert seed_sarif["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"], "the seed article has findings"


def test_seed_regions_point_at_the_flagged_text(seed_sarif):
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for result in seed_sarif["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        start = sum(len(x) for x in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
        end = sum(len(x) for x in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
        assert (start, end - start) == (region["charOffset"], region["charLength"])
        if end > start:
            assert region["snippet"]["text"] == text[start:end]


def test_rules_carry_help_from_the_rule_metadata(seed_sarif):
    from newscheck import Registry

    driver = seed_sarif["runs"][0]["tool"]["driver"]
    known = {r.code: r for r in Registry.default().rules}
    for i, result in enumerate(seed_sarif["runs"][0]["results"]):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"], i
    for descriptor in driver["rules"]:
        rule = known[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert rule.summary in descriptor["help"]["text"]
        for example in rule.failing:
            assert example in descriptor["help"]["text"] and example in descriptor["help"]["markdown"]


def test_related_spans_and_fixes(demo_linter, make_run):
    text = "Officials met.\nCLICK HERE TO GET THE APP\nThe colour was red. .\n"
    report = demo_linter.check(text, path="dir/a b.txt")
    data = json.loads(render("sarif", make_run(report, rules={r.code: r for r in demo_linter.rules})))
    validate(data)
    results = {r["ruleId"]: r for r in data["runs"][0]["results"]}
    promo = results["NCX902"]
    assert promo["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir/a%20b.txt"
    related = promo["relatedLocations"][0]
    assert related["message"]["text"] == "call to action"
    assert related["physicalLocation"]["region"]["snippet"]["text"] == "CLICK"
    replacement = promo["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"] == {
        "charOffset": 15,
        "charLength": len("CLICK HERE TO GET THE APP\n"),
    }
    assert replacement["insertedContent"]["text"] == ""
    assert "(unsafe)" in results["NCX903"]["fixes"][0]["description"]["text"]
    assert results["NCX903"]["level"] == "note"


def test_non_bmp_text_counts_code_points(demo_linter, make_run):
    text = "😀😀 a. .\n"
    report = demo_linter.check(text, path="emoji.txt")
    data = json.loads(render("sarif", make_run(report)))
    validate(data)
    region = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (5, 8)  # code points, not UTF-16 units


def test_record_findings_name_the_record(tmp_path, demo_registry):
    import io

    from newscheck.cli import main

    data = tmp_path / "articles.jsonl"
    data.write_text('{"id": "a-1", "body": "Fine."}\n{"id": "b/2", "body": "Oops. ."}\n', encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--format", "sarif", str(data)], stdout=out, stderr=io.StringIO()) == 1
    sarif = json.loads(out.getvalue())
    validate(sarif)
    (result,) = sarif["runs"][0]["results"]
    loc = result["locations"][0]
    assert loc["logicalLocations"][0]["name"] == "b/2"
    assert "region" not in loc["physicalLocation"]  # record positions are not file positions
    assert (result["properties"]["line"], result["properties"]["column"]) == (1, 5)
