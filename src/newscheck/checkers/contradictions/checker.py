"""The contradiction checkers: rule-based (NC401–NC406) and scorer-based (NC407)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from ...checker import Checker
from ...errors import ConfigError
from ...findings import Finding, Span
from . import calendar_rules, figures, headline, negation, selfref, semantic
from ._text import Sentence, digit_runs, excerpt, sentences
from .rules import (
    ANNIVERSARY_ARITHMETIC,
    CONFLICTING_FIGURES,
    HEADLINE_TENSE_CONFLICT,
    NEGATED_RESTATEMENT,
    SELF_REFERENCE,
    SEMANTIC_CONTRADICTION,
    WEEKDAY_DATE_MISMATCH,
)

_BUILTIN_ALIASES = selfref.builtin_aliases()
# Reported disagreement: a pair where one side is somebody's disputed claim is not a contradiction.
_DISPUTE = regex.compile(
    r"\b(?:claim(?:s|ed)?|alleg(?:es|ed|edly)|den(?:y|ies|ied)|disput(?:e|es|ed)|insist(?:s|ed)?|"
    r"counter(?:s|ed)|contrary|contradict(?:s|ed)?|accus(?:e|es|ed))\b|[“”\"]",
    regex.I,
)


def _quote(text: str, s: Sentence) -> str:
    return excerpt(text, s.start, s.end, 110)


class ContradictionChecker(Checker):
    """Statements in one article that cannot all be true."""

    name: ClassVar[str] = "contradictions"
    rules = (
        CONFLICTING_FIGURES,
        WEEKDAY_DATE_MISMATCH,
        ANNIVERSARY_ARITHMETIC,
        SELF_REFERENCE,
        NEGATED_RESTATEMENT,
        HEADLINE_TENSE_CONFLICT,
    )
    options: ClassVar[dict[str, Any]] = {
        # A TOML file with an [entities] table (name = ["alias", ...]) merged over the built-in one.
        "aliases": "",
        # Content words two figure statements must share to count as the same quantity.
        "min-shared-words": 2,
        # Shared words as a share of the shorter context.
        "min-overlap": 0.5,
    }

    def __init__(self, options=None, *, base_dir: str | None = None):
        super().__init__(options, base_dir=base_dir)
        entities = {k: list(v) for k, v in _BUILTIN_ALIASES.items()}
        path = self.config["aliases"]
        if path:
            full = path if os.path.isabs(path) or not base_dir else os.path.join(base_dir, path)
            try:
                with open(full, encoding="utf-8") as fh:
                    extra = selfref.parse_aliases(fh.read(), full)
            except OSError as exc:
                raise ConfigError(
                    f"contradictions.aliases: cannot read {full!r} ({exc.strerror}); "
                    "give a TOML file with an [entities] table"
                ) from None
            for entity, names in extra.items():
                entities.setdefault(entity, [])
                entities[entity].extend(n for n in names if n not in entities[entity])
        self.aliases = selfref.AliasTable(entities)

    def check(self, doc) -> Iterator[Finding]:
        text = doc.view
        sents = sentences(doc)
        if not sents:
            return
        yield from self._figures(doc.text, text, sents)
        runs = digit_runs(text, sents)  # shared by figures, years and dates
        years = calendar_rules.LazyYears(text, runs)
        for start, end, message, confidence, rel in calendar_rules.weekday_mismatches(text, years, runs):
            yield WEEKDAY_DATE_MISMATCH.finding(
                start, end, message, confidence=confidence, related=tuple(Span(*r) for r in rel)
            )
        for start, end, message, confidence, rel in calendar_rules.anniversary_mismatches(sents, years):
            yield ANNIVERSARY_ARITHMETIC.finding(
                start, end, message, confidence=confidence, related=(Span(*rel, "start year"),)
            )
        for start, end, message, confidence, rel in (
            *calendar_rules.duration_mismatches(sents, years),
            *calendar_rules.age_birth_mismatches(sents, years),
        ):
            yield ANNIVERSARY_ARITHMETIC.finding(
                start, end, message, confidence=confidence, related=(Span(*rel, "year"),)
            )
        for ss, se, os_, oe, subj, obj, entity in selfref.find(sents, self.aliases, text):
            yield SELF_REFERENCE.finding(
                os_,
                oe,
                f"“{subj}” acts on “{obj}”, which also means {entity}: was another party meant?",
                related=(Span(ss, se, "subject"),),
                confidence=0.85,
            )
        for first, second in negation.conflicts(sents):
            yield NEGATED_RESTATEMENT.finding(
                second.start,
                second.end,
                f"“{excerpt(doc.text, second.start, second.end)}” contradicts the earlier "
                f"“{excerpt(doc.text, first.start, first.end)}”",
                related=(Span(first.start, first.end, "earlier statement"),),
                confidence=0.7,
            )
        for line, m, body in headline.conflicts(sents):
            yield HEADLINE_TENSE_CONFLICT.finding(
                line.start + m.start(),
                line.start + m.end(),
                f"“{excerpt(doc.text, line.start + m.start(), line.start + m.end())}” announces as "
                f"future what the body reports as happening: “{_quote(doc.text, body)}”",
                related=(Span(body.start, body.end, "body report"),),
                confidence=0.75,
            )

    def _figures(self, text: str, view: str, sents: list[Sentence]) -> Iterator[Finding]:
        for first, second, confidence in figures.conflicts(
            sents, view, min_shared=self.config["min-shared-words"], min_overlap=self.config["min-overlap"]
        ):
            s1 = sents[first.sentence]
            yield CONFLICTING_FIGURES.finding(
                second.start,
                second.end,
                f"“{second.text}” here, but “{first.text}” for what looks like the same quantity in "
                f"“{_quote(text, s1)}”",
                related=(Span(first.start, first.end, "other value"),),
                confidence=confidence,
            )
        for (ps, pe, ptext), (s, e, ctext), key in calendar_rules.age_conflicts(sents):
            yield CONFLICTING_FIGURES.finding(
                s,
                e,
                f"“{ctext}” gives {key} a different age from the earlier “{ptext}”",
                related=(Span(ps, pe, "other age"),),
                confidence=0.8,
            )


class SemanticContradictionChecker(Checker):
    """Sentence pairs a scorer judges contradictory (off by default; see NC407)."""

    name: ClassVar[str] = "semantic-contradictions"
    rules = (SEMANTIC_CONTRADICTION,)
    options: ClassVar[dict[str, Any]] = {
        # "lexical" (built in, no dependencies) or "transformers" (an NLI model in `model`).
        "backend": "lexical",
        # Local directory of a transformers NLI model; nothing is ever downloaded.
        "model": "",
        "device": "cpu",
        # Lowest contradiction score that is reported.
        "threshold": 0.8,
        # Candidate partners scored per sentence (keeps the cost linear).
        "pairs-per-sentence": 3,
    }

    def __init__(
        self, options=None, *, base_dir: str | None = None, scorer: semantic.PairScorer | None = None
    ):
        super().__init__(options, base_dir=base_dir)
        if scorer is not None:
            self.scorer = scorer
            return
        backend = self.config["backend"]
        if backend == "lexical":
            self.scorer = semantic.LexicalScorer()
        elif backend == "transformers":
            path = self.config["model"]
            if path and base_dir and not os.path.isabs(path):
                path = os.path.join(base_dir, path)
            self.scorer = semantic.TransformersNLIScorer(path, device=self.config["device"])
        else:
            raise ConfigError(
                f"semantic-contradictions.backend is {backend!r}; valid values: lexical, transformers"
            )

    def check(self, doc) -> Iterator[Finding]:
        sents = sentences(doc)
        threshold = self.config["threshold"]
        for i, j in semantic.candidate_pairs(sents, per_sentence=self.config["pairs-per-sentence"]):
            a, b = sents[i], sents[j]
            if _DISPUTE.search(a.text) or _DISPUTE.search(b.text):
                continue
            score = float(self.scorer.score(a.text, b.text))
            if score < threshold:
                continue
            yield SEMANTIC_CONTRADICTION.finding(
                b.start,
                b.end,
                f"“{_quote(doc.text, b)}” seems to contradict “{_quote(doc.text, a)}” (score {score:.2f})",
                related=(Span(a.start, a.end, "contradicted sentence"),),
                confidence=max(0.0, min(1.0, score)),
            )
