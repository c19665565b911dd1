"""An example newscheck plugin: flags hype words ("breaking", "shock") in body paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newscheck import Category, Checker, Document, Finding, Rule, Severity

_HYPE = regex.compile(r"\b(?:BREAKING|shock(?:ing)?|bombshell|stunning)\b", regex.I)


class HypeChecker(Checker):
    name = "example-hype"
    options = {"words": []}
    rules = (
        Rule(
            code="NCX001",
            name="hype-word",
            category=Category.STYLE,
            severity=Severity.INFO,
            summary="A hype word in body text.",
            rationale="Sober reporting lets the facts carry the weight.",
            failing=("Headline\n\nThe bombshell report was published on Monday.",),
            passing=("Headline\n\nThe report was published on Monday.",),
        ),
    )

    def __init__(self, options=None, *, base_dir=None):
        super().__init__(options, base_dir=base_dir)
        extra = [regex.escape(w) for w in self.config["words"]]
        self._pattern = (
            regex.compile(_HYPE.pattern[:-3] + "|" + "|".join(extra) + r")\b", regex.I) if extra else _HYPE
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        rule = self.rules[0]
        for para in doc.paragraphs[1:]:  # the headline may shout
            for m in self._pattern.finditer(doc.view, para.start, para.end):
                yield rule.finding(m.start(), m.end(), f"hype word '{m.group(0)}'")
