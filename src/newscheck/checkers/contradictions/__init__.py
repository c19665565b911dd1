"""The contradictions checker family (placeholder until its checkers land)."""

CHECKERS: tuple = ()
