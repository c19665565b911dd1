"""The contradiction family (NC4xx): statements in one article that cannot all be true."""

from .checker import ContradictionChecker, SemanticContradictionChecker
from .semantic import LexicalScorer, PairScorer, TransformersNLIScorer

__all__ = [
    "CHECKERS",
    "ContradictionChecker",
    "LexicalScorer",
    "PairScorer",
    "SemanticContradictionChecker",
    "TransformersNLIScorer",
]

CHECKERS = (ContradictionChecker, SemanticContradictionChecker)
