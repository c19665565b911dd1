"""NC407 semantic-contradiction: the pair-scorer protocol, candidate pairs and the NLI adapter."""

from __future__ import annotations

import builtins
import sys

import pytest

from newscheck import Document, Linter
from newscheck.checkers.contradictions import (
    LexicalScorer,
    PairScorer,
    SemanticContradictionChecker,
    TransformersNLIScorer,
)
from newscheck.checkers.contradictions._text import sentences
from newscheck.checkers.contradictions.semantic import candidate_pairs
from newscheck.errors import BackendUnavailable, ConfigError


class StandInScorer:
    """Scores 0.99 when exactly one sentence contains "not", and records every call."""

    def __init__(self):
        self.calls: list[tuple[str, str]] = []

    def score(self, first: str, second: str) -> float:
        self.calls.append((first, second))
        return 0.99 if (" not " in first) != (" not " in second) else 0.01


def test_stand_in_satisfies_the_protocol():
    assert isinstance(StandInScorer(), PairScorer)
    assert isinstance(LexicalScorer(), PairScorer)


def test_findings_relate_both_sentences_and_quote_them():
    scorer = StandInScorer()
    checker = SemanticContradictionChecker(scorer=scorer)
    text = "Acme Corp will close its Leeds plant.\n\nAcme Corp will not close its Leeds plant."
    found = list(checker.check(Document(text)))
    assert [f.code for f in found] == ["NC407"]
    f = found[0]
    assert text[f.start : f.end] == "Acme Corp will not close its Leeds plant."
    assert text[f.related[0].start : f.related[0].end] == "Acme Corp will close its Leeds plant."
    assert "will not close" in f.message and "will close" in f.message
    assert f.confidence == pytest.approx(0.99)


def test_only_entity_sharing_pairs_are_scored():
    scorer = StandInScorer()
    checker = SemanticContradictionChecker(scorer=scorer)
    text = "Acme Corp will close its Leeds plant.\n\nThe weather was fine.\n\nIt did not rain."
    assert list(checker.check(Document(text))) == []
    assert scorer.calls == []


def test_disputed_claims_are_not_scored():
    scorer = StandInScorer()
    checker = SemanticContradictionChecker(scorer=scorer)
    text = "Acme Corp will close its Leeds plant.\n\nUnions claimed Acme Corp will not close its Leeds plant."
    assert list(checker.check(Document(text))) == []


def test_candidate_pairs_grow_linearly():
    text = " ".join(f"Acme Corp sold {i} cars in Leeds." for i in range(400))
    sents = sentences(Document(text))
    pairs = list(candidate_pairs(sents, per_sentence=3))
    assert len(pairs) <= 3 * len(sents)
    assert all(i < j for i, j in pairs)


def test_threshold_option():
    text = "Acme Corp will close its Leeds plant.\n\nAcme Corp will not close its Leeds plant."
    strict = SemanticContradictionChecker({"threshold": 0.995}, scorer=StandInScorer())
    assert list(strict.check(Document(text))) == []


def test_lexical_scorer():
    s = LexicalScorer()
    assert s.score("The bill was approved by the Senate.", "The bill was rejected by the Senate.") >= 0.8
    assert s.score("The plant will close.", "The plant will not close.") >= 0.8
    assert s.score("The plant will close.", "Unions met on Monday.") < 0.5


def test_rule_is_off_by_default_and_on_when_selected():
    text = (
        "The bill was approved by the Senate on Tuesday.\n\nThe bill was rejected by the Senate on Tuesday."
    )
    assert "NC407" not in {f.code for f in Linter().check(text).findings}
    assert "NC407" in {f.code for f in Linter(select=["NC407"]).check(text).findings}


def test_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="lexical, transformers"):
        SemanticContradictionChecker({"backend": "magic"})


def test_transformers_backend_needs_an_existing_directory(tmp_path):
    with pytest.raises(BackendUnavailable, match="does not exist") as info:
        SemanticContradictionChecker({"backend": "transformers", "model": str(tmp_path / "nope")})
    assert "\n" not in str(info.value)
    with pytest.raises(BackendUnavailable, match="does not exist"):
        TransformersNLIScorer("")


def test_transformers_backend_without_the_package(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_transformers(name, *args, **kwargs):
        if name in ("transformers", "torch"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "transformers", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_transformers)
    with pytest.raises(BackendUnavailable, match="pip install transformers") as info:
        SemanticContradictionChecker({"backend": "transformers", "model": str(tmp_path)})
    assert "\n" not in str(info.value)


def test_linter_reports_unavailable_backend_without_crashing(tmp_path):
    cfg = {"semantic-contradictions": {"backend": "transformers", "model": str(tmp_path / "nope")}}
    # Not selected: the rest of the run goes on and the problem is reported as an error.
    report = Linter(config=cfg, extend_select=[]).check("Russia supports Moscow’s claims.")
    assert any(f.code == "NC404" for f in report.findings)
    # Selected explicitly: the user asked for it, so it raises.
    with pytest.raises(BackendUnavailable):
        Linter(config=cfg, select=["NC407"])


# -- the transformers adapter, against stand-in `torch` and `transformers` modules -----------


class _Vector(list):
    def to(self, device):
        return self


class _Logits:
    def __init__(self, probs):
        self.probs = probs

    def softmax(self, dim):
        return [self.probs]


class _FakeModel:
    """Says "contradiction" (0.9) when exactly one sentence contains "not"."""

    def __init__(self, id2label):
        self.config = type("Config", (), {"id2label": id2label})()
        self.loaded_from = None

    def to(self, device):
        return self

    def eval(self):
        return self

    def __call__(self, *, pair):
        a, b = pair
        contradict = (" not " in a) != (" not " in b)
        index = next(k for k, v in self.config.id2label.items() if v.lower() == "contradiction")
        probs = [0.05] * len(self.config.id2label)
        probs[index] = 0.9 if contradict else 0.05
        return type("Output", (), {"logits": _Logits(probs)})()


def _fake_backend(monkeypatch, id2label, calls):
    import contextlib
    import types

    torch = types.ModuleType("torch")
    torch.no_grad = contextlib.nullcontext
    transformers = types.ModuleType("transformers")

    class AutoTokenizer:
        @staticmethod
        def from_pretrained(path, **kwargs):
            calls.append(("tokenizer", path, kwargs))
            return lambda a, b, **kw: {"pair": _Vector([a, b])}

    class AutoModelForSequenceClassification:
        @staticmethod
        def from_pretrained(path, **kwargs):
            calls.append(("model", path, kwargs))
            return _FakeModel(id2label)

    transformers.AutoTokenizer = AutoTokenizer
    transformers.AutoModelForSequenceClassification = AutoModelForSequenceClassification
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setitem(sys.modules, "transformers", transformers)


def test_transformers_adapter_loads_locally_and_scores(tmp_path, monkeypatch):
    calls = []
    _fake_backend(monkeypatch, {0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"}, calls)
    checker = SemanticContradictionChecker({"backend": "transformers", "model": str(tmp_path)})
    assert all(kwargs.get("local_files_only") is True for _, _, kwargs in calls)
    text = "Acme Corp will close its Leeds plant.\n\nAcme Corp will not close its Leeds plant."
    found = list(checker.check(Document(text)))
    assert [f.code for f in found] == ["NC407"]
    assert found[0].confidence == pytest.approx(0.9)


def test_transformers_adapter_relative_model_path(tmp_path, monkeypatch):
    calls = []
    _fake_backend(monkeypatch, {0: "contradiction", 1: "neutral", 2: "entailment"}, calls)
    (tmp_path / "models" / "nli").mkdir(parents=True)
    SemanticContradictionChecker({"backend": "transformers", "model": "models/nli"}, base_dir=str(tmp_path))
    assert calls[0][1] == str(tmp_path / "models" / "nli")


def test_transformers_adapter_needs_a_contradiction_label(tmp_path, monkeypatch):
    _fake_backend(monkeypatch, {0: "POSITIVE", 1: "NEGATIVE"}, [])
    with pytest.raises(BackendUnavailable, match="no 'contradiction' label") as info:
        TransformersNLIScorer(str(tmp_path))
    assert "\n" not in str(info.value)
