"""NC407 semantic-contradiction: a pluggable pair scorer over entity-sharing sentence pairs.

A scorer is anything with ``score(first, second) -> float``: the probability that the two
sentences contradict each other. Candidate pairs are sentences that share a named entity or
a number, capped per sentence, so the number of scored pairs grows linearly with the text.

Two scorers ship: :class:`LexicalScorer` (no dependencies: near-identical sentences that differ
by a negation or an antonym) and :class:`TransformersNLIScorer` (an NLI model from a local
directory, via ``transformers``; it never downloads anything).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

import regex

from ...errors import BackendUnavailable
from ._text import WORD, Sentence, data_text, stopwords

__all__ = ["LexicalScorer", "PairScorer", "TransformersNLIScorer", "candidate_pairs"]


@runtime_checkable
class PairScorer(Protocol):
    """Scores how strongly two sentences contradict each other, from 0 to 1."""

    def score(self, first: str, second: str) -> float: ...


_NEGATORS = frozenset("not no never n't none nobody nothing neither nor without".split())


def _antonyms() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in data_text("antonyms.txt").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            a, b = parts
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


_ANTONYMS = _antonyms()


def _words(text: str) -> list[str]:
    out = []
    for m in WORD.finditer(text.replace("n’t", " n't").replace("n't", " n't")):
        out.append(m.group(0).lower())
    return out


class LexicalScorer:
    """Built-in stand-in: high scores for restatements that flip a negation or an antonym."""

    def score(self, first: str, second: str) -> float:
        a, b = _words(first), _words(second)
        sa, sb = set(a), set(b)
        neg_a, neg_b = bool(sa & _NEGATORS) or "t" in sa, bool(sb & _NEGATORS) or "t" in sb
        core_a = {w for w in sa if w not in _NEGATORS and w != "t"}
        core_b = {w for w in sb if w not in _NEGATORS and w != "t"}
        diff_a, diff_b = core_a - core_b, core_b - core_a
        union = core_a | core_b
        if not union:
            return 0.0
        sim = len(core_a & core_b) / len(union)
        flipped = any(_ANTONYMS.get(w, set()) & diff_b for w in diff_a)
        if neg_a != neg_b and sim >= 0.6 or flipped and sim >= 0.5:
            return min(1.0, 0.4 + sim * 0.6)
        return sim * 0.3


class TransformersNLIScorer:
    """An NLI sequence-classification model loaded from ``path`` (never from the network)."""

    def __init__(self, path: str, *, device: str = "cpu", max_length: int = 256):
        if not path or not os.path.isdir(path):
            raise BackendUnavailable(
                f"NLI model directory {path!r} does not exist; set [tool.newscheck.semantic-contradictions] "
                "model to a local directory holding a transformers NLI model"
            )
        try:
            import torch  # noqa: F401
            import transformers
        except ImportError:
            raise BackendUnavailable(
                "the NLI backend needs 'transformers' and 'torch': pip install transformers torch"
            ) from None
        try:
            self._tok = transformers.AutoTokenizer.from_pretrained(path, local_files_only=True)
            self._model = (
                transformers.AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True)
                .to(device)
                .eval()
            )
        except Exception as exc:  # noqa: BLE001 - a broken or foreign model directory
            raise BackendUnavailable(
                f"cannot load an NLI model from {path!r}: {type(exc).__name__}: {exc}"
            ) from None
        labels = {str(v).lower(): int(k) for k, v in self._model.config.id2label.items()}
        index = next((i for name, i in labels.items() if name.startswith("contradict")), None)
        if index is None:
            raise BackendUnavailable(
                f"model at {path!r} has no 'contradiction' label (labels: {', '.join(labels)}); "
                "use an NLI model"
            )
        self._index = index
        self._device = device
        self._max_length = max_length

    def score(self, first: str, second: str) -> float:
        import torch

        enc = self._tok(first, second, return_tensors="pt", truncation=True, max_length=self._max_length)
        enc = {k: v.to(self._device) for k, v in enc.items()}
        with torch.no_grad():
            probs = self._model(**enc).logits.softmax(-1)[0]
        return float(probs[self._index])


_KEY = regex.compile(r"(?<![\p{L}\p{N}])(?:[A-Z][\p{L}'’\-]{2,}|\d[\d,.]*)")


def candidate_pairs(sents: Sequence[Sentence], *, per_sentence: int = 3) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences sharing a name or number; at most ``per_sentence`` per j."""
    stops = {w.capitalize() for w in stopwords()}
    index: dict[str, list[int]] = {}
    for j, sent in enumerate(sents):
        keys = set()
        for m in _KEY.finditer(sent.text):
            if m.start() == 0 and m.group(0) in stops:
                continue
            key = m.group(0).rstrip(".,").removesuffix("’s").removesuffix("'s")
            if key and key not in stops:
                keys.add(key)
        counts: dict[int, int] = {}
        for key in keys:
            postings = index.setdefault(key, [])
            for i in postings[-8:]:
                counts[i] = counts.get(i, 0) + 1
            postings.append(j)
        best = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))[:per_sentence]
        for i, _ in sorted(best):
            yield i, j
