"""The boilerplate checker family (NC1xx): page furniture copied into an article's text."""

from .checker import BoilerplateChecker

__all__ = ["CHECKERS", "BoilerplateChecker"]

CHECKERS = (BoilerplateChecker,)
