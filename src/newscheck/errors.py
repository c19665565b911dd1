"""newscheck's exceptions. Every message names the bad value and says how to fix it.

    NewscheckError
     ├── ConfigError            bad or unknown key in [tool.newscheck] / newscheck.toml / options
     ├── InputError             a file that is missing, unreadable or not valid text
     ├── PluginLoadError        a checker plugin that fails to import or to build
     ├── BackendUnavailable     an optional backend (LanguageTool, an NLI model) not installed or reachable
     └── UsageError             a bad command-line option or API argument
"""

from __future__ import annotations

__all__ = [
    "BackendUnavailable",
    "ConfigError",
    "InputError",
    "NewscheckError",
    "PluginLoadError",
    "UsageError",
]


class NewscheckError(Exception):
    """Base of every error newscheck raises on purpose; the CLI prints it in one line, exit 2."""


class ConfigError(NewscheckError):
    """A configuration key or value is wrong."""


class InputError(NewscheckError):
    """An input cannot be read as text."""


class PluginLoadError(NewscheckError):
    """A checker plugin cannot be imported or instantiated."""

    def __init__(self, plugin: str, message: str):
        super().__init__(f"checker plugin {plugin!r} failed to load: {message}")
        self.plugin = plugin


class BackendUnavailable(NewscheckError):
    """An optional backend is missing; the message says what to install or configure."""


class UsageError(NewscheckError):
    """A command-line option or API argument is invalid."""
