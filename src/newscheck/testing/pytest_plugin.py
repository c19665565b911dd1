"""pytest fixtures for a configured :class:`~newscheck.Linter`.

Enable them in your top-level ``conftest.py``::

    pytest_plugins = ["newscheck.testing.pytest_plugin"]

and override ``newscheck_config`` there to configure the linter. This module is not
registered as an automatic ``pytest11`` plugin: that would load newscheck (and
hypothesis) into the pytest run of every project that merely has newscheck installed.
"""

from __future__ import annotations

from typing import Any

import pytest

from ..config import load_config
from ..linter import Linter


@pytest.fixture(scope="session")
def newscheck_config(pytestconfig: pytest.Config) -> Any:
    """The configuration for ``newscheck_linter``: by default the project's own
    ``[tool.newscheck]`` (found from the pytest root directory, as the CLI finds it).
    Override this fixture to return a table, a path or a :class:`~newscheck.Config`."""
    return load_config(start=str(pytestconfig.rootpath))


@pytest.fixture(scope="session")
def newscheck_linter(newscheck_config: Any) -> Linter:
    """A :class:`~newscheck.Linter` built once per test session from ``newscheck_config``."""
    return Linter(config=newscheck_config)
