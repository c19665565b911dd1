"""Reaching LanguageTool: errors, timeouts, retries, a server that goes away, no backend at all."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

import newscheck
from newscheck import Linter
from newscheck.checkers.grammar import GrammarChecker, backend
from newscheck.errors import BackendUnavailable

from .conftest import grammar_errors

TEXT = "The minister said the the talks would resume."


def linter(url: str, **options) -> Linter:
    return Linter(select=["grammar"], config={"grammar": {"server": url, **options}})


def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


# -- HTTP errors and retries ------------------------------------------------------------------
def test_server_errors_are_retried_then_succeed(lt_server):
    lint = linter(lt_server.url)
    lt_server.state.script = [(503, "Error: busy"), (500, "Error: Internal Server Error")]
    report = lint.check(TEXT)
    assert grammar_errors(report) == [] and [f.code for f in report.findings] == ["NC501"]
    assert len(lt_server.state.requests) == 3


def test_retries_are_bounded(lt_server):
    lint = linter(lt_server.url, retries=1)
    lt_server.state.script = [(500, "Error: one"), (500, "Error: two"), (500, "Error: three")]
    report = lint.check(TEXT)
    (err,) = grammar_errors(report)
    assert err.checker == "grammar" and err.kind == "crash"
    assert "HTTP 500: Error: two" in err.message and "(2 attempts)" in err.message
    assert len(lt_server.state.requests) == 2


def test_client_errors_are_not_retried(lt_server):
    lint = linter(lt_server.url)
    lt_server.state.script = [(400, "Error: Missing 'text' or 'data' parameter")]
    (err,) = grammar_errors(lint.check(TEXT))
    assert "HTTP 400: Error: Missing 'text'" in err.message
    assert len(lt_server.state.requests) == 1


def test_an_answer_that_is_not_json_is_an_error(lt_server):
    lint = linter(lt_server.url)
    lt_server.state.script = [(200, "<html>proxy login</html>")]
    (err,) = grammar_errors(lint.check(TEXT))
    assert "did not answer JSON" in err.message


def test_a_dropped_connection_is_retried(lt_server):
    lint = linter(lt_server.url)
    lt_server.state.script = ["drop"]
    report = lint.check(TEXT)
    assert grammar_errors(report) == [] and [f.code for f in report.findings] == ["NC501"]


def test_timeout_per_request_then_error(lt_server):
    lint = linter(lt_server.url, timeout=0.2, retries=1)
    lt_server.state.delay = 1.0
    (err,) = grammar_errors(lint.check(TEXT))
    assert "no answer within 0.2 s (2 attempts)" in err.message


def test_a_server_that_goes_away_does_not_sink_the_run(lt_server):
    lint = Linter(config={"extend-select": ["grammar"], "grammar": {"server": lt_server.url, "retries": 1}})
    assert [f.code for f in lint.check(TEXT).findings if f.code.startswith("NC5")] == ["NC501"]
    lt_server.stop()
    report = lint.check("Another article, the the second one.")
    (err,) = grammar_errors(report)
    assert "connection failed" in err.message and lt_server.url in err.message
    # The other families still ran on this document.
    assert all(not f.code.startswith("NC5") for f in report.findings)
    # The paragraph cache still answers for the text it has seen.
    assert [f.code for f in lint.check(TEXT).findings if f.code.startswith("NC5")] == ["NC501"]


@pytest.mark.parametrize("suffix", ["", "/", "/v2", "/v2/"])
def test_server_url_forms(lt_server, suffix):
    report = linter(lt_server.url + suffix).check(TEXT)
    assert [f.code for f in report.findings] == ["NC501"]


def test_server_url_with_a_path_prefix_keeps_it():
    assert backend.normalise_url("http://proxy/tools/lt") == "http://proxy/tools/lt/"
    assert backend.normalise_url("http://proxy/tools/lt/v2/") == "http://proxy/tools/lt/"
    assert backend.normalise_url("") == ""


# -- no backend ------------------------------------------------------------------------------------
def test_unreachable_server_selected_explicitly_raises_one_line():
    url = free_port_url()
    with pytest.raises(BackendUnavailable) as info:
        linter(url, retries=0)
    message = str(info.value)
    assert "\n" not in message and url in message and "not available" in message


def test_unreachable_server_enabled_by_config_is_reported_and_the_run_continues():
    url = free_port_url()
    lint = Linter(config={"extend-select": ["grammar"], "grammar": {"server": url, "retries": 0}})
    report = lint.check(TEXT)
    (err,) = grammar_errors(report)
    assert err.kind == "backend" and url in err.message


def test_cli_exits_2_with_one_line_when_grammar_is_selected_without_a_backend(tmp_path, capsys):
    from newscheck.cli import main

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    code = main(["check", "--select", "grammar", str(article)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "NEWSCHECK_LANGUAGETOOL_URL" in err and "docker run" in err


def test_no_server_and_no_local_install_says_what_to_set_and_never_downloads(monkeypatch, tmp_path):
    from language_tool_python.download_lt import LocalLanguageTool

    def forbidden(*args, **kwargs):
        raise AssertionError("language-tool-python tried to download LanguageTool")

    monkeypatch.setattr(LocalLanguageTool, "_get_remote_zip", forbidden)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(BackendUnavailable, match="NEWSCHECK_LANGUAGETOOL_URL") as info:
        GrammarChecker({})
    assert "nothing-here" in str(info.value)
    assert not (tmp_path / "nothing-here").exists()  # not even the cache folder is created
    with pytest.raises(BackendUnavailable, match="no LanguageTool server configured"):
        GrammarChecker({"local": False})


def test_local_install_is_found_and_started_without_downloading(monkeypatch, tmp_path):
    from language_tool_python.download_lt import LocalLanguageTool

    def forbidden(*args, **kwargs):
        raise AssertionError("language-tool-python tried to download LanguageTool")

    monkeypatch.setattr(LocalLanguageTool, "_get_remote_zip", forbidden)
    for version in ("6.4", "6.6"):
        folder = tmp_path / f"LanguageTool-{version}"
        folder.mkdir()
        (folder / "languagetool-server.jar").write_bytes(b"not really a jar")
    (tmp_path / "LanguageTool-7.0").mkdir()  # no jar: not an install
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    assert backend.find_local_install(backend.import_language_tool()) == "6.6"

    started = {}

    def fake_start(self):
        started["version"] = self._language_tool_download_version
        started["command"] = LocalLanguageTool.from_version_name(started["version"]).get_server_cmd(8081)
        raise backend.import_language_tool().exceptions.ServerError("LanguageTool server exited early with code 1")

    cls = backend.tool_class(backend.import_language_tool())
    monkeypatch.setattr(cls, "_start_server_on_free_port", fake_start)
    monkeypatch.setattr(backend.shutil, "which", lambda name: "/usr/bin/java")
    with pytest.raises(BackendUnavailable, match="local LanguageTool server is not available: .*exited early"):
        GrammarChecker({})
    assert started["version"] == "6.6"
    assert str(tmp_path / "LanguageTool-6.6" / "languagetool-server.jar") in started["command"]


def test_local_install_without_java_says_so(monkeypatch, tmp_path):
    (tmp_path / "LanguageTool-6.6").mkdir()
    (tmp_path / "LanguageTool-6.6" / "languagetool.jar").write_bytes(b"")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setattr(backend.shutil, "which", lambda name: None)
    with pytest.raises(BackendUnavailable, match="Java is not on PATH"):
        GrammarChecker({})


# -- language-tool-python not installed -----------------------------------------------------------
def test_without_language_tool_python_the_rest_of_newscheck_works(monkeypatch, lt_server):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # makes `import` fail
    with pytest.raises(BackendUnavailable, match=r"pip install 'newscheck\[grammar\]'"):
        GrammarChecker({"server": lt_server.url})
    report = newscheck.check("Readers can subscribe here. The talks resumed.")
    assert all(e.checker != "grammar" for e in report.errors)
    lint = Linter(config={"extend-select": ["grammar"], "grammar": {"server": lt_server.url}})
    (err,) = grammar_errors(lint.check(TEXT))
    assert err.kind == "backend" and "language-tool-python" in err.message
    with pytest.raises(BackendUnavailable):
        Linter(select=["NC501"], config={"grammar": {"server": lt_server.url}})


def test_importing_newscheck_does_not_import_language_tool_python():
    code = (
        "import sys, newscheck\n"
        "newscheck.check('The talks resumed.')\n"
        "from newscheck.registry import Registry\n"
        "assert any(c.name == 'grammar' for c in Registry.default().checkers)\n"
        "assert 'language_tool_python' not in sys.modules, 'imported eagerly'\n"
        "assert 'requests' not in sys.modules, 'imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_enabled_only_by_config_runs_without_it_and_says_so_once(tmp_path, capsys):
    from newscheck.cli import main

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The council met on Tuesday. It approved the budget.\n", encoding="utf-8")
    (tmp_path / "newscheck.toml").write_text('extend-select = ["grammar"]\n', encoding="utf-8")
    code = main(["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if "grammar" in line]
    assert len(notes) == 1 and "skipped" in notes[0] and "NEWSCHECK_LANGUAGETOOL_URL" in notes[0]
    assert code == 0
