"""The consistency checker family (NC3xx): one name, spelling, quotation and format per article."""

from .checker import ConsistencyChecker

CHECKERS = (ConsistencyChecker,)

__all__ = ["CHECKERS", "ConsistencyChecker"]
