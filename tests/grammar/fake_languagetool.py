"""A stand-in LanguageTool HTTP server for the tests: ``/v2/languages`` and ``/v2/check``.

It speaks LanguageTool's documented JSON protocol with answers shaped like the real
server's (``software``, ``warnings``, ``language``, ``matches`` with ``offset``/``length``
in UTF-16 code units, ``context``, ``sentence``, ``type``, ``rule.category``...), but its
"grammar" is a handful of regular expressions standing for real LanguageTool rules. It
honours the request parameters newscheck sends (language, enabled/disabled rules and
categories, enabledOnly, level=picky), answers LanguageTool's errors (400 unknown
language, 413 text too long), and can be told to fail, stall or drop connections.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
    {"name": "French", "code": "fr", "longCode": "fr"},
]


@dataclass(frozen=True)
class FakeRule:
    id: str
    pattern: str
    message: str
    short: str
    description: str
    category: tuple[str, str]
    issue_type: str
    replace: str | None = None  # a re.sub template for the one suggestion
    type_name: str = "Other"
    picky: bool = False
    group: int = 0


RULES = [
    FakeRule(
        "ENGLISH_WORD_REPEAT_RULE", r"(?i)\b(\w+) \1\b", "Possible typo: you repeated a word.",
        "Word repetition", "Word repetition (e.g. 'will will')", ("MISC", "Miscellaneous"),
        "duplication", replace=r"\1",
    ),
    FakeRule(
        "EN_A_VS_AN", r"\b(a)(?= [aeiou]\w)",
        "Use “an” instead of ‘a’ if the following word starts with a vowel sound, e.g. ‘an article’, ‘an hour’.",
        "Wrong article", "Use of 'a' vs. 'an'", ("MISC", "Miscellaneous"), "misspelling", replace="an",
    ),
    FakeRule(
        "MORFOLOGIK_RULE_EN_US", r"\b(?:recieved?|goverment|Zhongnanhai)\b|[𝐀-𝟿][^\s,.]*", "Possible spelling mistake found.",
        "Spelling mistake", "Possible spelling mistake", ("TYPOS", "Possible Typo"), "misspelling",
        type_name="UnknownWord",
    ),
    FakeRule(
        "EN_A_LOT", r"\balot\b", "Did you mean “a lot”?", "Possible typo", "Possible typo: alot (a lot)",
        ("TYPOS", "Possible Typo"), "misspelling", replace="a lot",
    ),
    FakeRule(
        "VERY_UNIQUE", r"\bvery (unique)\b", "Consider using just “unique”.", "Wordiness",
        "very unique (unique)", ("STYLE", "Style"), "style", replace=r"\1",
    ),
    FakeRule(
        "ATM_MACHINE", r"\bATM machine\b", "This phrase is redundant (M = machine).", "Redundant phrase",
        "ATM machine (ATM)", ("REDUNDANCY", "Redundant Phrases"), "style", replace="ATM",
    ),
    FakeRule(
        "IN_ORDER_TO", r"\bin order to\b", "Consider a shorter alternative to avoid wordiness.", "Wordiness",
        "in order to (to)", ("PLAIN_ENGLISH", "Plain English"), "style", replace="to", picky=True,
    ),
    FakeRule(
        "COMMA_PARENTHESIS_WHITESPACE", r" ,", "Put a space after the comma, but not before the comma.",
        "", "Use of whitespace before comma and before/after parentheses", ("TYPOGRAPHY", "Typography"),
        "whitespace", replace=",",
    ),
    FakeRule(
        "WHITESPACE_RULE", r"(?<=\S)  +(?=\S)", "Possible typo: you repeated a whitespace", "",
        "Whitespace repetition (bad formatting)", ("TYPOGRAPHY", "Typography"), "whitespace", replace=" ",
    ),
    FakeRule(
        "EN_UNPAIRED_QUOTES", r"“(?=[^”\n]*$)", "Unpaired symbol: ‘”’ seems to be missing", "",
        "Unpaired quotes", ("PUNCTUATION", "Punctuation"), "typographical",
    ),
    FakeRule(
        "NEW_CATEGORY_RULE", r"\bfrobnicate\b", "A rule in a category newscheck does not know.", "",
        "Unknown category", ("SOME_FUTURE_CATEGORY", "Future"), "uncategorized",
    ),
]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class ServerState:
    """What the fake server was asked, and how it should misbehave next."""

    requests: list[dict[str, str]] = field(default_factory=list)
    languages_calls: int = 0
    connections: int = 0
    #: Responses to give to the next /v2/check requests: (status, body) or "drop".
    script: list[object] = field(default_factory=list)
    #: Seconds to stall every /v2/check answer.
    delay: float = 0.0
    max_text_length: int | None = None
    incomplete: bool = False
    #: Extra raw matches (UTF-16 offsets) appended to every answer, for odd-shape tests.
    extra_matches: list[dict] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    sockets: set = field(default_factory=set)

    @property
    def checked_texts(self) -> list[str]:
        return [r["text"] for r in self.requests]


def context_of(text: str, start: int, end: int, size: int = 40) -> dict:
    """LanguageTool's context: up to ``size`` characters each side, '...' where cut."""
    cs, ce = max(0, start - size), min(len(text), end + size)
    left = ("..." if cs > 0 else "") + text[cs:start]
    snippet = (left + text[start:ce] + ("..." if ce < len(text) else "")).replace("\n", " ")
    return {"text": snippet, "offset": utf16_len(left), "length": utf16_len(text[start:end])}


def sentence_of(text: str, start: int) -> str:
    """The sentence around ``start``, split naively at '. ' and newlines."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i + 1 for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    return text[left : min(stops, default=len(text))].strip()


def check(text: str, params: dict[str, str]) -> list[dict]:
    """The matches the fake LanguageTool finds in ``text``."""
    def ids(key: str) -> set[str]:
        return {x for x in params.get(key, "").split(",") if x}

    disabled, enabled = ids("disabledRules"), ids("enabledRules")
    disabled_cats, enabled_cats = ids("disabledCategories"), ids("enabledCategories")
    only = params.get("enabledOnly") == "true"
    picky = params.get("level") == "picky"
    matches = []
    for rule in RULES:
        on = (rule.id in enabled or rule.category[0] in enabled_cats) if only else (
            rule.id not in disabled and rule.category[0] not in disabled_cats
            and (not rule.picky or picky or rule.id in enabled)
        )
        if not on:
            continue
        for m in re.finditer(rule.pattern, text, flags=re.MULTILINE):
            start, end = m.span(rule.group)
            replacements = [{"value": m.expand(rule.replace)}] if rule.replace is not None else []
            matches.append({
                "message": rule.message,
                "shortMessage": rule.short,
                "replacements": replacements,
                "offset": utf16_len(text[:start]),
                "length": utf16_len(text[start:end]),
                "context": context_of(text, start, end),
                "sentence": sentence_of(text, start),
                "type": {"typeName": rule.type_name},
                "rule": {
                    "id": rule.id,
                    "description": rule.description,
                    "issueType": rule.issue_type,
                    "category": {"id": rule.category[0], "name": rule.category[1]},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
    matches.sort(key=lambda d: d["offset"])
    return matches


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out and left: expected in the tests, not worth a traceback


class FakeLanguageTool:
    """Runs the stand-in on 127.0.0.1 at a random port, in a thread. Use as a context manager."""

    def __init__(self) -> None:
        self.state = ServerState()
        state = self.state

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the real server

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes; without this, Nagle's algorithm
                # and the client's delayed ACK add ~40 ms to every answer.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with state.lock:
                    state.connections += 1
                    state.sockets.add(self.connection)

            def finish(self) -> None:
                with state.lock:
                    state.sockets.discard(self.connection)
                super().finish()

            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: str, ctype: str = "application/json") -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", f"{ctype}; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(url.query))
                self._route(url.path, params)

            def do_POST(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n).decode("utf-8")
                self._route(url.path, dict(urllib.parse.parse_qsl(body, keep_blank_values=True)))

            def _route(self, path: str, params: dict[str, str]) -> None:
                if path == "/v2/languages":
                    with state.lock:
                        state.languages_calls += 1
                    self._send(200, json.dumps(LANGUAGES))
                elif path == "/v2/check":
                    self._check(params)
                else:
                    self._send(404, "Error: unknown path", "text/plain")

            def _check(self, params: dict[str, str]) -> None:
                with state.lock:
                    state.requests.append(params)
                    step = state.script.pop(0) if state.script else None
                if state.delay:
                    time.sleep(state.delay)
                if step == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if step is not None:
                    status, body = step  # type: ignore[misc]
                    self._send(status, body, "text/plain")
                    return
                text = params.get("text", "")
                lang = params.get("language", "")
                known = {d["longCode"] for d in LANGUAGES} | {d["code"] for d in LANGUAGES} | {"auto"}
                if lang not in known:
                    self._send(400, f"Error: '{lang}' is not a language code known to LanguageTool.", "text/plain")
                    return
                limit = state.max_text_length
                if limit is not None and utf16_len(text) > limit:
                    self._send(
                        413,
                        f"Error: Your text exceeds the limit of {limit} characters (it's {utf16_len(text)} "
                        "characters). Please submit a shorter text.",
                        "text/plain",
                    )
                    return
                name = next(d["name"] for d in LANGUAGES if lang in (d["longCode"], d["code"], "auto"))
                answer = {
                    "software": {
                        "name": "LanguageTool", "version": "6.5", "buildDate": "2024-09-27 12:00:00 +0000",
                        "apiVersion": 1, "premium": False, "status": "",
                    },
                    "warnings": {"incompleteResults": state.incomplete},
                    "language": {
                        "name": name, "code": lang,
                        "detectedLanguage": {"name": name, "code": lang, "confidence": 0.99},
                    },
                    "matches": check(text, params) + list(state.extra_matches),
                    "sentenceRanges": [[0, utf16_len(text)]],
                }
                self._send(200, json.dumps(answer, ensure_ascii=False))

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        self._stopped = False

    def stop(self) -> None:
        """Shut the server down and close its socket: from now on connections are refused."""
        if not self._stopped:
            self._stopped = True
            self.httpd.shutdown()
            self.httpd.server_close()
            with self.state.lock:
                for sock in list(self.state.sockets):  # also end kept-alive connections
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

    def __enter__(self) -> FakeLanguageTool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
