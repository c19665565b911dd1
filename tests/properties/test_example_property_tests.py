"""examples/property_tests runs as a user would run it: its own pytest, in its own folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap


def test_example_suite_passes_and_the_linter_fixture_can_be_configured(repo_root, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(repo_root / "examples" / "property_tests", project)
    with (project / "conftest.py").open("a") as fh:
        fh.write(
            textwrap.dedent(
                """
            import pytest

            @pytest.fixture(scope="session")
            def newscheck_config():
                return {"select": ["boilerplate"]}
            """
            )
        )
    (project / "test_configured.py").write_text(
        textwrap.dedent(
            """
        def test_linter_has_the_configured_rules(newscheck_linter):
            assert newscheck_linter.rules
            assert {r.category.value for r in newscheck_linter.rules} == {"boilerplate"}
        """
        )
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "ignore::DeprecationWarning",
            "--hypothesis-seed=0",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "3 passed" in out.stdout
