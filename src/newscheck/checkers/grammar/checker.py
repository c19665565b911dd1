"""GrammarChecker: LanguageTool's matches as newscheck findings (NC501-NC504).

The article is sent paragraph by paragraph (the analysis view, so masked Markdown code
and comments go out as spaces), packed into as few requests as the server's size limit
allows. Each paragraph's matches are cached under a hash of its text, so re-checking an
edited article sends only the paragraphs that changed.

Unlike the other families this checker does network I/O in ``check``: that is what a
LanguageTool backend is. The cache is the only state kept between documents, and it
maps a paragraph's exact text (under this checker's fixed options) to the matches
LanguageTool returned for it, so it changes how often the server is asked, not what is
reported. The one caveat: LanguageTool's few text-level rules (e.g. a quote left open
across paragraphs) see whichever paragraphs share a request, which the cache cannot
reproduce; set ``cache = false`` when a run must be exactly the same request by request.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from ...checker import Checker
from ...errors import BackendUnavailable, ConfigError
from ...findings import Applicability, Category, Edit, Fix, Severity
from ...rules import Rule
from .utf16 import Utf16Index, utf16_length

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from ...document import Document
    from ...findings import Finding
    from .backend import Backend

__all__ = ["GrammarChecker"]

_RATIONALE = (
    "Reported by LanguageTool, which must be reachable: set NEWSCHECK_LANGUAGETOOL_URL or "
    "[tool.newscheck.grammar] server. Off by default; enable with --select grammar. "
    "The finding's extra names LanguageTool's rule and category; suggestions are unsafe fixes."
)

RULES = (
    Rule(
        code="NC501",
        name="lt-grammar",
        category=Category.GRAMMAR,
        summary="LanguageTool reports a grammar error (agreement, a/an, a repeated word, a confused word).",
        rationale="Grammar slips survive into published copy when an edit joins two drafts. " + _RATIONALE,
        severity=Severity.WARNING,
        failing=(
            "The minister said the the talks would resume on Monday.",
            "Officials called it a important step towards a ceasefire.",
        ),
        passing=(
            "The minister said the talks would resume on Monday.",
            "Officials called it an important step towards a ceasefire.",
        ),
        default=False,
        fixable=True,
    ),
    Rule(
        code="NC502",
        name="lt-spelling",
        category=Category.GRAMMAR,
        summary="LanguageTool reports a misspelling (known typos; unknown words only with spelling = true).",
        rationale=(
            "Dictionary spell-checking flags every foreign proper noun in news copy, so it is off "
            "unless `spelling = true`; LanguageTool's rules for known misspellings stay on. "
            + _RATIONALE
        ),
        severity=Severity.WARNING,
        failing=("Officials said there was alot of damage to the port.",),
        passing=("Officials said there was a lot of damage to the port.",),
        default=False,
        fixable=True,
    ),
    Rule(
        code="NC503",
        name="lt-style",
        category=Category.STYLE,
        summary="LanguageTool suggests a style change (wordiness, redundancy, repetition, register).",
        rationale="Style advice is a matter of house style, so it is reported as info. " + _RATIONALE,
        severity=Severity.INFO,
        failing=("The company described the new design as very unique.",),
        passing=("The company described the new design as unique.",),
        default=False,
        fixable=True,
    ),
    Rule(
        code="NC504",
        name="lt-typography",
        category=Category.STYLE,
        summary="LanguageTool reports a punctuation or typography slip (spacing, quotes, brackets).",
        rationale="Stray spaces before commas and doubled spaces are the residue of cut-and-paste. " + _RATIONALE,
        severity=Severity.INFO,
        failing=("The talks ended , officials said.",),
        passing=("The talks ended, officials said.",),
        default=False,
        fixable=True,
    ),
)
_RULES_BY_CODE = {r.code: r for r in RULES}

#: LanguageTool's dictionary spell checkers (as opposed to rules for known misspellings).
_SPELLER_ID = regex.compile(r"MORFOLOGIK_RULE|HUNSPELL|SPELLER_RULE|SPELLING_RULE|SPELLCHECK")
_TAG = regex.compile(r"</?suggestion>")
_UNPAIRED_ID = regex.compile(r"UNPAIRED")
#: Opening quote -> the closing quotes that end it.
_QUOTES = {"“": "”", "\"": "\"", "‘": "’", "«": "»", "„": "“”"}
_LETTER = regex.compile(r"\p{L}")
_SPACE = regex.compile(r"\s")
_SEPARATOR = "\n\n"
_MAX_SUGGESTIONS = 5


def _load_mapping() -> tuple[dict[str, str], dict[str, str], str, dict[str, float]]:
    raw = resources.files(__package__).joinpath("data", "categories.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return data["categories"], data["issue-types"], data["default"], data["confidence"]


_CATEGORIES, _ISSUE_TYPES, _DEFAULT_CODE, _CONFIDENCE = _load_mapping()


@dataclass(frozen=True, slots=True)
class _Match:
    """One LanguageTool match, its offsets in Python characters relative to its unit."""

    start: int
    end: int
    code: str
    dictionary: bool
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    sub_id: str
    category_id: str
    category_name: str
    issue_type: str
    description: str


class GrammarChecker(Checker):
    """Grammar, spelling, style and typography findings from LanguageTool."""

    name: ClassVar[str] = "grammar"
    rules: ClassVar[tuple[Rule, ...]] = RULES
    #: Its rule examples need a LanguageTool server; the test suite runs them against a stand-in.
    needs_backend: ClassVar[bool] = True
    options: ClassVar[dict[str, Any]] = {
        "server": "",  # LanguageTool server URL; empty: NEWSCHECK_LANGUAGETOOL_URL
        "local": True,  # without a server, use a LanguageTool that language-tool-python installed
        "language": "en-US",
        "spelling": False,  # dictionary spell-checking (flags proper nouns)
        "picky": False,
        "enabled-rules": [],
        "disabled-rules": [],
        "enabled-categories": [],
        "disabled-categories": [],
        "enabled-only": False,
        "timeout": 10.0,  # seconds per request
        "retries": 2,  # further attempts after a failed request
        "max-request-chars": 20000,  # UTF-16 units per request (the public API's limit)
        "cache": True,
        "cache-size": 4096,  # paragraphs kept
    }

    def __init__(self, options: Any = None, *, base_dir: str | None = None, backend: Backend | None = None):
        super().__init__(options, base_dir=base_dir)
        cfg = self.config
        self._validate(cfg)
        self._limit: int = cfg["max-request-chars"]
        self._cache: OrderedDict[bytes, tuple[_Match, ...]] | None = OrderedDict() if cfg["cache"] else None
        self._cache_size: int = cfg["cache-size"]
        self._lock = threading.Lock()
        if backend is None:
            from .backend import open_backend

            backend = open_backend(
                server=cfg["server"].strip(),
                language=cfg["language"],
                local=cfg["local"],
                timeout=float(cfg["timeout"]),
                retries=cfg["retries"],
            )
        self.backend = backend
        self._configure(backend.tool, cfg)

    @staticmethod
    def _validate(cfg: dict[str, Any]) -> None:
        for key in ("enabled-rules", "disabled-rules", "enabled-categories", "disabled-categories"):
            if not all(isinstance(v, str) and v.strip() for v in cfg[key]):
                raise ConfigError(f"option grammar.{key} must be a list of LanguageTool ids, got {cfg[key]!r}")
        if not cfg["timeout"] > 0:
            raise ConfigError(f"option grammar.timeout must be a positive number of seconds, got {cfg['timeout']!r}")
        if not 0 <= cfg["retries"] <= 10:
            raise ConfigError(f"option grammar.retries must be between 0 and 10, got {cfg['retries']!r}")
        if cfg["max-request-chars"] < 200:
            raise ConfigError(
                f"option grammar.max-request-chars must be at least 200, got {cfg['max-request-chars']!r}"
            )
        if cfg["cache-size"] < 1:
            raise ConfigError(f"option grammar.cache-size must be at least 1, got {cfg['cache-size']!r}")

    def _configure(self, tool: Any, cfg: dict[str, Any]) -> None:
        disabled = {r.strip() for r in cfg["disabled-rules"]}
        if not cfg["spelling"]:
            # Spare the server the dictionary lookups; the client-side filter catches the rest.
            variant = str(tool.language).upper().replace("-", "_")
            disabled |= {f"MORFOLOGIK_RULE_{variant}", "HUNSPELL_RULE"}
        tool.disabled_rules = disabled
        tool.enabled_rules = {r.strip() for r in cfg["enabled-rules"]}
        tool.disabled_categories = {c.strip() for c in cfg["disabled-categories"]}
        tool.enabled_categories = {c.strip() for c in cfg["enabled-categories"]}
        tool.enabled_rules_only = cfg["enabled-only"]
        tool.picky = cfg["picky"]

    def close(self) -> None:
        """Close the HTTP session (and stop a local LanguageTool server this checker started)."""
        self.backend.close()

    # -- checking ------------------------------------------------------------------------
    def check(self, doc: Document) -> Iterator[Finding]:
        units = self._units(doc)
        keys = [self._key(text) for _, text in units]
        known: dict[bytes, tuple[_Match, ...]] = {}
        todo: dict[bytes, str] = {}  # a paragraph repeated in the article is sent once
        for key, (_, text) in zip(keys, units):
            cached = self._cache_get(key)
            if cached is not None:
                known[key] = cached
            elif key not in todo:
                todo[key] = text
        pending = list(todo)
        for batch in self._batches(list(todo.values())):
            matches, complete = self._request([todo[pending[j]] for j in batch])
            for j, found in zip(batch, matches):
                known[pending[j]] = found
                if complete:
                    self._cache_put(pending[j], found)
        results = [known[key] for key in keys]
        findings = []
        for (offset, _), found in zip(units, results):
            for m in found:
                start, end = offset + m.start, offset + m.end
                if doc.text[start:end] != doc.view[start:end]:
                    continue  # touches masked text (code, a comment): the server saw blanks
                if _UNPAIRED_ID.search(m.rule_id) and _continued_quote(doc, start, end):
                    continue
                findings.append(self._finding(m, start, end, doc.text))
        findings.sort(key=lambda f: f.sort_key)
        return iter(findings)

    def _units(self, doc: Document) -> list[tuple[int, str]]:
        """``(offset, text)`` pieces to send: paragraphs, or sentence runs of an oversized one."""
        view = doc.view
        out: list[tuple[int, str]] = []
        for para in doc.paragraphs:
            text = view[para.start : para.end]
            if not _LETTER.search(text):
                continue
            if utf16_length(text) <= self._limit:
                out.append((para.start, text))
                continue
            spans = [(s.start, s.end) for s in doc.sentences_in(para)] or [(para.start, para.end)]
            pieces: list[tuple[int, int]] = []
            for s, e in spans:
                for ps, pe in self._split_long(view, s, e):
                    if pieces and utf16_length(view[pieces[-1][0] : pe]) <= self._limit:
                        pieces[-1] = (pieces[-1][0], pe)
                    else:
                        pieces.append((ps, pe))
            out.extend((s, view[s:e]) for s, e in pieces if _LETTER.search(view[s:e]))
        return out

    def _split_long(self, view: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Cut a sentence longer than the request limit at spaces (or anywhere, if none)."""
        while utf16_length(view[start:end]) > self._limit:
            cut = start + self._limit // 2  # half: every astral character may count twice
            space = max((m.start() for m in _SPACE.finditer(view, start + 1, cut)), default=-1)
            cut = space if space > start else cut
            yield start, cut
            start = cut
            while start < end and view[start].isspace():
                start += 1
        if start < end:
            yield start, end

    def _batches(self, texts: list[str]) -> list[list[int]]:
        """Indices of ``texts`` packed into requests under the size limit, in order."""
        batches: list[list[int]] = []
        size = 0
        for i, text in enumerate(texts):
            n = utf16_length(text)
            if batches and size + len(_SEPARATOR) + n <= self._limit:
                batches[-1].append(i)
                size += len(_SEPARATOR) + n
            else:
                batches.append([i])
                size = n
        return batches

    def _request(self, texts: list[str]) -> tuple[list[tuple[_Match, ...]], bool]:
        """Check ``texts`` in one request; their matches, and whether the answer was complete."""
        chunk = _SEPARATOR.join(texts)
        starts = []
        pos = 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + len(_SEPARATOR)
        data = self.backend.check_json(chunk)
        raw = data.get("matches") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise BackendUnavailable(
                f"LanguageTool ({self.backend.where}) sent an answer without 'matches'"
            )
        complete = not (data.get("warnings") or {}).get("incompleteResults", False)
        index = Utf16Index(chunk)
        per_unit: list[list[_Match]] = [[] for _ in texts]
        for item in raw:
            try:
                offset, length = int(item["offset"]), int(item["length"])
            except (KeyError, TypeError, ValueError):
                continue
            if offset < 0 or length <= 0 or offset + length > index.length:
                continue
            start = index.to_python(offset)
            end = index.to_python(offset + length, end=True)
            j = bisect_right(starts, start) - 1
            if j < 0 or end > starts[j] + len(texts[j]):
                continue  # runs across the separator between two paragraphs
            match = self._parse(item, start - starts[j], end - starts[j])
            if match is not None:
                per_unit[j].append(match)
        return [tuple(found) for found in per_unit], complete

    def _parse(self, item: dict[str, Any], start: int, end: int) -> _Match | None:
        rule = item.get("rule") or {}
        category = rule.get("category") or {}
        rule_id = str(rule.get("id", ""))
        category_id = str(category.get("id", ""))
        issue_type = str(rule.get("issueType", ""))
        dictionary = bool(_SPELLER_ID.search(rule_id)) or (item.get("type") or {}).get("typeName") == "UnknownWord"
        if dictionary:
            if not self.config["spelling"]:
                return None
            code = "NC502"
        else:
            code = _CATEGORIES.get(category_id) or _ISSUE_TYPES.get(issue_type) or _DEFAULT_CODE
        replacements = tuple(
            str(r["value"]) for r in item.get("replacements") or () if isinstance(r, dict) and "value" in r
        )
        return _Match(
            start=start,
            end=end,
            code=code,
            dictionary=dictionary,
            message=_TAG.sub("", str(item.get("message") or item.get("shortMessage") or rule.get("description", ""))),
            replacements=replacements[:_MAX_SUGGESTIONS],
            rule_id=rule_id,
            sub_id=str(rule.get("subId", "")),
            category_id=category_id,
            category_name=str(category.get("name", "")),
            issue_type=issue_type,
            description=str(rule.get("description", "")),
        )

    def _finding(self, m: _Match, start: int, end: int, text: str) -> Finding:
        rule = _RULES_BY_CODE[m.code]
        fix = None
        if m.replacements and m.replacements[0] != text[start:end]:
            value = m.replacements[0]
            fix = Fix(
                (Edit(start, end, value),),
                Applicability.UNSAFE,
                f"Replace with “{value}”" if value else "Delete",
            )
        extra: dict[str, Any] = {
            "languagetool_rule": m.rule_id,
            "languagetool_category": m.category_id,
            "languagetool_issue_type": m.issue_type,
        }
        if m.sub_id:
            extra["languagetool_subrule"] = m.sub_id
        if m.description:
            extra["languagetool_description"] = m.description
        if m.replacements:
            extra["replacements"] = list(m.replacements)
        key = "NC502-dictionary" if m.dictionary else m.code
        return rule.finding(
            start,
            end,
            m.message or f"LanguageTool rule {m.rule_id}",
            fix=fix,
            confidence=_CONFIDENCE.get(key, 0.7),
            severity=Severity.INFO if m.dictionary else None,
            extra=extra,
        )

    # -- the paragraph cache -------------------------------------------------------------
    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def _cache_get(self, key: bytes) -> tuple[_Match, ...] | None:
        if self._cache is None:
            return None
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
            return found

    def _cache_put(self, key: bytes, matches: tuple[_Match, ...]) -> None:
        if self._cache is None:
            return
        with self._lock:
            self._cache[key] = matches
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)


def _continued_quote(doc: Document, start: int, end: int) -> bool:
    """An opening quote left open at a paragraph's end because the next one reopens it.

    News style (AP, Reuters, BBC) does not close a quotation that runs on into the next
    paragraph; it opens that paragraph with a quote mark instead. LanguageTool checks
    quote pairs within a paragraph, so such a quote looks unpaired.
    """
    mark = doc.view[start:end]
    closing = _QUOTES.get(mark)
    para = doc.paragraph_at(start)
    if closing is None or para is None or para.index + 1 >= len(doc.paragraphs):
        return False
    if mark == '"' and start > para.start and not (doc.view[start - 1].isspace() or doc.view[start - 1] in "([—–"):
        return False  # a straight quote after a word closes a quotation
    rest = doc.view[end : para.end]
    if any(c in rest for c in closing):
        return False
    following = doc.paragraphs[para.index + 1]
    return doc.view[following.start : following.start + 1] == mark
