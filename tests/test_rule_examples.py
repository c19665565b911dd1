"""Every rule's failing examples produce its code and its passing examples do not."""

from __future__ import annotations

import pytest

from newscheck import Document, Registry

CASES = []
for cls in Registry.default().checkers:
    for rule in cls.rules:
        for i, ex in enumerate(rule.failing):
            CASES.append(pytest.param(cls, rule, ex, True, id=f"{rule.code}-fail{i}"))
        for i, ex in enumerate(rule.passing):
            CASES.append(pytest.param(cls, rule, ex, False, id=f"{rule.code}-pass{i}"))


def test_every_rule_has_documentation_and_examples():
    for cls in Registry.default().checkers:
        for rule in cls.rules:
            assert rule.summary, rule.code
            assert rule.failing and rule.passing, f"{rule.code} needs failing and passing examples"


@pytest.mark.parametrize("cls,rule,example,should_flag", CASES)
def test_rule_example(cls, rule, example, should_flag):
    if cls.needs_backend:
        pytest.skip(f"{cls.name} needs an external backend; its examples are tested against a stand-in")
    checker = cls(rule.example_options)
    codes = [f.code for f in checker.check(Document(example))]
    if should_flag:
        assert rule.code in codes, f"{rule.code} should flag: {example!r}"
    else:
        assert rule.code not in codes, f"{rule.code} should not flag: {example!r}"
