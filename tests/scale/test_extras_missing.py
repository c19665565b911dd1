"""Without the optional packages, the integrations say in one line what to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

BLOCK = "import sys\nfor m in {mods!r}: sys.modules[m] = None\n"

CASES = {
    "datatrove": (("datatrove", "datatrove.pipeline", "datatrove.pipeline.filters",
                   "datatrove.pipeline.filters.base_filter"),
                  "import newscheck.datatrove", "newscheck[datatrove]"),
    "spark": (("pyspark", "pyspark.sql"),
              "from newscheck.spark import findings_schema\nfindings_schema()", "newscheck[spark]"),
    "pandas": (("pandas",),
               "from newscheck.batch import findings_table\nfindings_table(None)", "newscheck[pandas]"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_missing_extra_raises_backend_unavailable(name):
    mods, code, extra = CASES[name]
    script = BLOCK.format(mods=mods) + (
        "from newscheck import BackendUnavailable\n"
        "try:\n" + "".join(f"    {line}\n" for line in code.splitlines()) +
        "except BackendUnavailable as exc:\n    print('OK', exc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK") and extra in proc.stdout and "\n" not in proc.stdout.strip()
