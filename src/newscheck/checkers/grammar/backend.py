"""The LanguageTool backend, reached through language-tool-python and imported lazily.

Two ways to reach LanguageTool: an HTTP server the user runs (``server`` option or
``NEWSCHECK_LANGUAGETOOL_URL``), or a LanguageTool install that language-tool-python has
already unpacked on this machine. Nothing is ever downloaded: language-tool-python would
fetch ~250 MB on first use, so an install is looked up first and its absence becomes a
:class:`~newscheck.errors.BackendUnavailable` saying what to set or install.

language-tool-python's client builds the request parameters, resolves the language
against the server's ``/v2/languages`` and starts a local server; only its transport is
replaced (:func:`tool_class`), to keep one keep-alive HTTP session with a per-request
timeout and a bounded retry, and to hand back LanguageTool's raw JSON so that offsets
are converted here (its ``Match`` shifts the offset for astral characters but not the
length).
"""

from __future__ import annotations

import functools
import os
import random
import shutil
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ...errors import BackendUnavailable, ConfigError

__all__ = [
    "ENV_URL",
    "Backend",
    "find_local_install",
    "import_language_tool",
    "open_backend",
    "tool_class",
]

#: Environment variable naming a LanguageTool server, used when ``server`` is empty.
ENV_URL = "NEWSCHECK_LANGUAGETOOL_URL"

INSTALL_HINT = "pip install 'newscheck[grammar]'"
SERVER_HINT = (
    f"set {ENV_URL} or [tool.newscheck.grammar] server to a LanguageTool server "
    "(e.g. docker run -p 8010:8010 erikvl87/languagetool, then http://localhost:8010)"
)

#: HTTP statuses worth another attempt: rate limiting and server-side trouble.
RETRY_STATUSES = frozenset({408, 425, 426, 429, 500, 502, 503, 504})
#: Seconds before the first retry; doubles on each further one (capped at 2 s).
RETRY_BACKOFF = 0.25


def import_language_tool() -> ModuleType:
    """Import language-tool-python, or say how to install it."""
    try:
        import language_tool_python
    except ImportError as exc:
        raise BackendUnavailable(
            f"the grammar checker needs language-tool-python, which is not installed: {INSTALL_HINT}"
        ) from exc
    return language_tool_python


@functools.cache
def tool_class(ltp: ModuleType) -> type:
    """language-tool-python's ``LanguageTool`` with a reused session, timeout and retries."""
    import requests

    base = ltp.LanguageTool
    error = ltp.exceptions.LanguageToolError

    class SessionLanguageTool(base):  # type: ignore[misc, valid-type]
        """``LanguageTool`` whose every request goes through one ``requests.Session``."""

        def __init__(self, *args: Any, session: Any, timeout: float, retries: int, **kwargs: Any):
            # Set before the base __init__, which already queries /v2/languages.
            self._session = session
            self._request_timeout = timeout
            self._retries = retries
            super().__init__(*args, **kwargs)

        def check_json(self, text: str) -> dict[str, Any]:
            """LanguageTool's raw ``/v2/check`` answer for ``text``."""
            url = urllib.parse.urljoin(self._url, "check")
            return self._query_server(url, self._create_params(text), method="post")

        def _query_server(
            self, url: str, params: Any = None, num_tries: int = 2, method: str = "get"
        ) -> Any:
            attempts = 1 + self._retries
            problem = ""
            for attempt in range(attempts):
                if attempt:
                    time.sleep(min(RETRY_BACKOFF * 2 ** (attempt - 1), 2.0))
                try:
                    if method == "post":
                        response = self._session.post(url, data=params, timeout=self._request_timeout)
                    else:
                        response = self._session.get(url, params=params, timeout=self._request_timeout)
                except requests.Timeout:
                    problem = f"no answer within {self._request_timeout:g} s"
                    continue
                except requests.RequestException as exc:
                    problem = f"connection failed ({type(exc).__name__})"
                    if not self._remote and not self._server_is_alive():
                        self._start_server_on_free_port()  # the local server died; it is installed
                    continue
                with response:
                    if response.status_code in RETRY_STATUSES:
                        problem = f"HTTP {response.status_code}: {_first_line(response.text)}"
                        continue
                    if response.status_code != 200:
                        hint = "; lower [tool.newscheck.grammar] max-request-chars" if response.status_code == 413 else ""
                        raise error(
                            f"{url} answered HTTP {response.status_code}: {_first_line(response.text)}{hint}"
                        )
                    try:
                        return response.json()
                    except ValueError:
                        raise error(f"{url} did not answer JSON: {_first_line(response.text)}") from None
            tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
            raise error(f"{url}: {problem} ({tries})")

    return SessionLanguageTool


def _first_line(body: str) -> str:
    line = (body or "").strip().splitlines()[:1]
    return line[0][:200] if line else "(empty body)"


def normalise_url(url: str) -> str:
    """The server's base URL ending in ``/``: ``host:8010``, ``.../v2`` and ``.../lt/`` all work.

    language-tool-python appends ``v2/`` with ``urljoin``, which would drop a last path
    segment without a slash (``http://host/lt`` -> ``http://host/v2/``) or double a ``v2``.
    """
    if not url:
        return ""
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


def ltp_download_folder() -> Path:
    """Where language-tool-python keeps LanguageTool (``LTP_PATH``), without creating it."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def find_local_install(ltp: ModuleType) -> str | None:
    """The newest LanguageTool version already unpacked where language-tool-python looks."""
    from language_tool_python.download_lt import LocalLanguageTool

    folder = ltp_download_folder()
    if not folder.is_dir():
        return None
    found = []
    for path in folder.glob("LanguageTool-*"):
        jars = (path / "languagetool-server.jar", path / "languagetool.jar")
        if path.is_dir() and any(j.is_file() for j in jars):
            try:
                found.append(LocalLanguageTool.from_path(path))
            except ValueError:
                continue
    return max(found).version_name if found else None


@dataclass
class Backend:
    """An open connection to LanguageTool: the client, where it is, and its HTTP session."""

    tool: Any
    where: str
    session: Any

    def check_json(self, text: str) -> dict[str, Any]:
        """LanguageTool's answer for ``text``; a failure after the retries is BackendUnavailable."""
        from language_tool_python.exceptions import LanguageToolError

        try:
            return self.tool.check_json(text)
        except LanguageToolError as exc:
            raise BackendUnavailable(f"LanguageTool ({self.where}) failed: {exc}") from exc

    def close(self) -> None:
        self.session.close()
        self.tool.close()


def open_backend(
    *, server: str, language: str, local: bool, timeout: float, retries: int
) -> Backend:
    """Connect to the configured server, or start an installed LanguageTool; never download."""
    ltp = import_language_tool()
    import requests

    cls = tool_class(ltp)
    session = requests.Session()
    session.headers["User-Agent"] = "newscheck (language-tool-python)"
    url = normalise_url(server or os.environ.get(ENV_URL, "").strip())
    # language-tool-python draws its local port from the global `random`; leave callers' seeds alone.
    random_state = random.getstate()
    try:
        if url:
            where = url
            tool = cls(language, remote_server=url, session=session, timeout=timeout, retries=retries)
        elif local:
            version = find_local_install(ltp)
            if version is None:
                raise BackendUnavailable(
                    f"no LanguageTool server configured and none installed in "
                    f"{ltp_download_folder()}: {SERVER_HINT}"
                )
            if shutil.which("java") is None:
                raise BackendUnavailable(
                    f"LanguageTool {version} is installed but Java is not on PATH: "
                    f"install Java 17+ or {SERVER_HINT}"
                )
            where = f"local LanguageTool {version}"
            tool = cls(
                language,
                language_tool_download_version=version,
                session=session,
                timeout=timeout,
                retries=retries,
            )
        else:
            raise BackendUnavailable(f"no LanguageTool server configured: {SERVER_HINT}")
    except ltp.exceptions.LanguageToolError as exc:
        session.close()
        target = f"the LanguageTool server at {url}" if url else "the local LanguageTool server"
        raise BackendUnavailable(f"{target} is not available: {exc}") from exc
    except ValueError as exc:  # LanguageTag: the server does not offer this language
        session.close()
        raise ConfigError(
            f"grammar.language {language!r} is not offered by {url or 'the local LanguageTool'} "
            f"({exc}); use a code from its /v2/languages list, e.g. en-US or en-GB"
        ) from exc
    except BackendUnavailable:
        session.close()
        raise
    except (OSError, SystemError, ModuleNotFoundError) as exc:  # a local install that cannot start
        session.close()
        raise BackendUnavailable(
            f"the local LanguageTool could not start ({exc}); install Java 17+ or {SERVER_HINT}"
        ) from exc
    finally:
        random.setstate(random_state)
    return Backend(tool=tool, where=where, session=session)
