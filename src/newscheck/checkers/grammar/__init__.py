"""The grammar checker family: LanguageTool's findings (NC5xx), off by default.

Importing this package does not import language-tool-python; building the checker does.
"""

from .checker import GrammarChecker

__all__ = ["CHECKERS", "GrammarChecker"]

CHECKERS = (GrammarChecker,)
