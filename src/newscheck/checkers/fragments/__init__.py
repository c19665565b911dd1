"""The fragments checker family (NC2xx): cut-off sentences, stubs, stray punctuation, unbalanced quotes."""

from .checker import FragmentsChecker
from .rules import RULES

__all__ = ["CHECKERS", "RULES", "FragmentsChecker"]

CHECKERS = (FragmentsChecker,)
