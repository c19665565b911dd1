"""The consistency checker: one article, one spelling of each name, word and format."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from ...checker import Checker
from ...document import Document
from ...findings import Applicability, Edit, Finding, Fix, Span
from . import rules as R
from ._text import TextFacts
from . import formats, quoted, spelling
from .formats import FormatUse, format_uses, may_mix_formats
from .house_style import build_vocabulary
from .names import ArticleWords, KnownHit, KnownVariants, collect_forms, find_name_variants, may_have_variants
from .quoted import drift_groups, may_drift, quoted_terms
from .spelling import Marked, marked_words, mixed_candidates

_KNOWN = KnownVariants()
_GATE_WORDS = spelling.GATE_WORDS | quoted.GATE_WORDS | formats.GATE_WORDS | _KNOWN.gate_words
#: At most this many related spans per finding: enough to find the other spelling.
_MAX_RELATED = 5


class ConsistencyChecker(Checker):
    """Names, spellings, quoted terms and formats that should read the same throughout."""

    name: ClassVar[str] = "consistency"
    rules = R.RULES
    options: ClassVar[dict[str, Any]] = {
        # preferred spelling -> rejected spellings, e.g. {"Kyiv": ["Kiev"]}
        "house-style": {},
        # a TOML file with a [house-style] table of the same shape and an optional exempt list
        "house-style-file": "",
        # fixed expressions in which a rejected spelling stays ("chicken Kiev")
        "house-style-exempt": [],
        # also reject the outdated place names of the known-variant table (Kiev -> Kyiv, ...)
        "house-style-builtin": False,
    }

    def __init__(self, options: Any = None, *, base_dir: str | None = None):
        super().__init__(options, base_dir=base_dir)
        self.vocabulary = build_vocabulary(self.config, base_dir, _KNOWN)

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        if not view or view.isspace():
            return
        # Every rule first asks a cheap question of the article's distinct words; only an
        # article that could hold a defect is located word by word (TextFacts, patterns).
        words = ArticleWords(view)
        # The lower-case words any rule's cheap test asks about, found in one pass.
        asked = words.asked(_GATE_WORDS)
        facts: list[TextFacts] = []

        def get_facts() -> TextFacts:
            if not facts:
                facts.append(TextFacts.of(doc))
            return facts[0]

        if self.vocabulary:
            yield from self._house_style(view, words.tokens, words.lower)
        if not asked.isdisjoint(_KNOWN.gate_words):
            yield from self._known_variants(_KNOWN.hits(view, _KNOWN.candidates(words, asked)))
        if may_have_variants(words.names(), _KNOWN.one_word):
            yield from self._name_variants(collect_forms(doc, get_facts()))
        # (Each test below is asked only of an article with the words it needs: a call
        # saved per article counts, as most articles need none.)
        if not (asked.isdisjoint(spelling.BRITISH_WORDS) or asked.isdisjoint(spelling.AMERICAN_WORDS)):
            candidates = mixed_candidates(asked)
            if candidates:
                yield from self._spelling_mix(marked_words(doc, get_facts(), candidates))
        if may_drift(asked, view):
            yield from self._quoted_drift(doc)
        if not asked.isdisjoint(formats.TRIGGERS) and may_mix_formats(words, asked):
            yield from self._format_mix(doc.text, format_uses(doc, get_facts))

    def _house_style(self, view: str, tokens: set[str], lower: set[str]) -> Iterator[Finding]:
        if not self.vocabulary.may_occur(tokens, lower):
            return
        for h in self.vocabulary.find(view):
            yield R.HOUSE_STYLE.finding(
                h.start,
                h.end,
                f"House style writes “{h.preferred}”, not “{h.found}”.",
                fix=Fix((Edit(h.start, h.end, h.preferred),), Applicability.SAFE, f"Write “{h.preferred}”"),
                extra={"preferred": h.preferred, "vocabulary": self.vocabulary.source},
            )

    # -- NC302 -------------------------------------------------------------------------
    def _known_variants(self, hits: Sequence[KnownHit]) -> Iterator[Finding]:
        by_entry: dict[int, list[KnownHit]] = defaultdict(list)
        for h in hits:
            by_entry[h.entry].append(h)
        for entry_index, entry_hits in by_entry.items():
            counts = Counter(h.form for h in entry_hits)
            if len(counts) < 2:
                continue
            entry = _KNOWN.entries[entry_index]
            first = {}
            for h in entry_hits:
                first.setdefault(h.form, h.start)
            ranked = sorted(counts, key=lambda f: (-counts[f], f != entry.preferred, first[f]))
            majority = ranked[0]
            tie = counts[ranked[1]] == counts[majority]
            majority_spans = [Span(h.start, h.end, "other spelling") for h in entry_hits if h.form == majority]
            for h in entry_hits:
                if h.form == majority:
                    continue
                n = counts[majority]
                message = (
                    f"“{h.form}” here, but “{majority}” {n} time{'s' if n > 1 else ''} elsewhere in "
                    "this article; use one spelling."
                )
                if entry.preferred != majority:
                    message += f" The current preferred spelling is “{entry.preferred}”."
                if entry.note:
                    message += f" ({entry.note[:1].upper()}{entry.note[1:]}.)"
                yield R.KNOWN_VARIANT.finding(
                    h.start,
                    h.end,
                    message,
                    related=majority_spans[:_MAX_RELATED],
                    fix=Fix((Edit(h.start, h.end, majority),), Applicability.UNSAFE, f"Write “{majority}”"),
                    confidence=0.8 if tie else 0.95,
                    extra={"preferred": entry.preferred, "majority": majority},
                )

    # -- NC301 -------------------------------------------------------------------------
    def _name_variants(self, forms: dict) -> Iterator[Finding]:
        for group in find_name_variants(forms, _KNOWN.one_word):
            majority = group.majority
            related = [Span(o.start, o.end, "other spelling") for o in majority.occurrences][:_MAX_RELATED]
            base = 0.85 if group.exact else 0.7
            if group.tie:
                base -= 0.15
            for form in group.minority:
                for o in form.occurrences:
                    where = "earlier" if majority.first < o.start else "elsewhere"
                    yield R.NAME_VARIANT.finding(
                        o.start,
                        o.end,
                        f"“{form.stem}” is spelled “{majority.stem}” {where} in this article.",
                        related=related,
                        fix=Fix((Edit(o.start, o.end, majority.stem),), Applicability.UNSAFE, f"Write “{majority.stem}”"),
                        confidence=round(base, 2),
                        extra={"majority": majority.stem},
                    )

    # -- NC303 -------------------------------------------------------------------------
    def _spelling_mix(self, marked: Sequence[Marked]) -> Iterator[Finding]:
        by_dim: dict[str, list[Marked]] = defaultdict(list)
        for m in marked:
            by_dim[m.dimension].append(m)
        for dimension, used in by_dim.items():
            # Strong markers decide the article's variety; weak ones ("program", "per cent")
            # are only reported when they disagree with it.
            strong = [w for w in used if not w.weak]
            british = [w for w in strong if w.variety == "British"]
            american = [w for w in strong if w.variety == "American"]
            if not strong:
                continue
            if len(british) != len(american):
                majority = british if len(british) > len(american) else american
            else:  # a tie: the variety that appears first sets the article's spelling
                majority = british if british[0].start < american[0].start else american
            variety = majority[0].variety
            minority = [w for w in used if w.variety != variety]
            if not minority:
                continue
            tie = len(british) == len(american)
            yield from self._mix_findings(dimension, minority, majority, tie)
        # British -ise where the general spelling is American: Oxford spelling pairs -ize
        # with -our, but no style pairs -ise with -or. (-ize in a British article is fine.)
        ize, general = by_dim.get("ize", ()), [w for w in by_dim.get("spelling", ()) if not w.weak]
        if ize and all(w.variety == "British" for w in ize):
            american = [w for w in general if w.variety == "American"]
            if len(american) > len(general) - len(american):
                yield from self._mix_findings("ize", list(ize), american, len(american) == 1)

    def _mix_findings(
        self, dimension: str, minority: Sequence[Marked], majority: Sequence[Marked], tie: bool
    ) -> Iterator[Finding]:
        related = [Span(w.start, w.end, f"{w.variety} spelling") for w in majority[:_MAX_RELATED]]
        variety = majority[0].variety
        what = "-ise/-ize spelling" if dimension == "ize" and majority[0].dimension == "ize" else "spelling"
        examples = ", ".join(sorted({m.word.lower() for m in majority})[:3])
        for w in minority:
            yield R.BRITISH_AMERICAN_MIX.finding(
                w.start,
                w.end,
                f"{w.variety} {what} “{w.word}” in an article that otherwise uses {variety} "
                f"{what} ({examples}); write “{w.other}”.",
                related=related,
                fix=Fix((Edit(w.start, w.end, w.other),), Applicability.UNSAFE, f"Write “{w.other}”"),
                confidence=0.6 if tie else min(0.95, 0.6 + 0.1 * len(majority)),
                extra={"variety": w.variety, "majority": variety, "dimension": dimension},
            )

    # -- NC304 -------------------------------------------------------------------------
    def _quoted_drift(self, doc: Document) -> Iterator[Finding]:
        terms = quoted_terms(doc)
        if len(terms) < 2:
            return
        for cluster in drift_groups(terms):
            first = cluster[0].key
            # The other renderings, once per wording (a long text may quote one term often).
            others_of: dict[str, tuple[str, list[Span]]] = {}
            for key in dict.fromkeys(t.key for t in cluster):
                others = [o for o in cluster if o.key != key]
                others_of[key] = (
                    ", ".join(dict.fromkeys(f"“{o.term}”" for o in others)),
                    [Span(o.start, o.end, "other rendering") for o in others[:_MAX_RELATED]],
                )
            for t in cluster:
                if t.key == first:  # the first wording stands; later different ones are reported
                    continue
                wordings, related = others_of[t.key]
                yield R.QUOTED_TERM_DRIFT.finding(
                    t.start,
                    t.end,
                    f"“{t.term}” ({t.head}) is quoted elsewhere in this article as {wordings}; "
                    "a quotation should use the same words each time.",
                    related=related,
                    confidence=0.8,
                    extra={"head": t.head},
                )

    # -- NC306 -------------------------------------------------------------------------
    def _format_mix(self, text: str, uses: Sequence[FormatUse]) -> Iterator[Finding]:
        by_kind: dict[str, list[FormatUse]] = defaultdict(list)
        for u in uses:
            by_kind[u.kind].append(u)
        for kind, items in by_kind.items():
            counts = Counter(u.style for u in items)
            if len(counts) < 2:
                continue
            first = {}
            for u in items:
                first.setdefault(u.style, u.start)
            majority = min(counts, key=lambda s: (-counts[s], first[s]))
            model = [u for u in items if u.style == majority]
            related = [Span(u.start, u.end, "other style") for u in model][:_MAX_RELATED]
            example = text[model[0].start : model[0].end]
            label = "percentages" if kind == "percent" else "amounts"
            for u in items:
                if u.style == majority:
                    continue
                yield R.FORMAT_MIX.finding(
                    u.start,
                    u.end,
                    f"Elsewhere this article writes {label} like “{example}” ({majority}); "
                    "write this one the same way.",
                    related=related,
                    confidence=0.7,
                    extra={"style": u.style, "majority": majority},
                )
