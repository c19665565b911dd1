"""MkDocs hooks: the checker-family pages join the nav, and reference tables come from the code.

``<!-- cli-options -->`` in a page becomes a table of every ``newscheck`` option (from the
argparse parser) and ``<!-- config-keys -->`` a table of the ``[tool.newscheck]`` keys (from
``newscheck.config.TOP_LEVEL_KEYS``), so neither can drift from the code.
"""

from __future__ import annotations

import argparse
from pathlib import Path

FAMILY_ORDER = ("boilerplate", "fragments", "consistency", "contradictions", "grammar")


def on_config(config, **kwargs):
    """Adds docs/checkers/*.md after the rule reference, and other unlisted pages at the end."""
    if not config.get("nav"):
        return config
    docs = Path(config["docs_dir"])
    nav = list(config["nav"])
    pages = sorted(
        (docs / "checkers").glob("*.md"),
        key=lambda p: (FAMILY_ORDER.index(p.stem) if p.stem in FAMILY_ORDER else len(FAMILY_ORDER), p.stem),
    )
    if pages:
        entries = [{p.stem.capitalize(): f"checkers/{p.name}"} for p in pages]
        at = next(
            (i for i, item in enumerate(nav) if isinstance(item, dict) and "Rule reference" in item), len(nav)
        )
        nav.insert(at + 1, {"Checker families": entries})
    listed = {v for item in nav if isinstance(item, dict) for v in item.values() if isinstance(v, str)}
    more = [p.name for p in sorted(docs.glob("*.md")) if p.name not in listed]
    if more:
        nav.append({"More": [{_title(docs / name): name} for name in more]})
    config["nav"] = nav
    return config


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem.replace("-", " ").capitalize()


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def cli_options_table() -> str:
    from newscheck.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    out = []
    for name, command in sub.choices.items():
        out += [f"#### `newscheck {name}`", "", "| Option | Meaning |", "| --- | --- |"]
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if action.option_strings:
                flag = ", ".join(action.option_strings)
                if action.nargs != 0:
                    meta = action.metavar or (
                        "{" + ",".join(action.choices) + "}" if action.choices else action.dest.upper()
                    )
                    flag += f" {meta}"
            else:
                flag = action.metavar or action.dest
            out.append(f"| `{_escape(flag)}` | {_escape(action.help or '')} |")
        out.append("")
    return "\n".join(out)


def config_keys_table() -> str:
    from newscheck.config import TOP_LEVEL_KEYS

    out = ["| Key | Type | Meaning |", "| --- | --- | --- |"]
    for key, (kind, meaning) in TOP_LEVEL_KEYS.items():
        kinds = kind if isinstance(kind, tuple) else (kind,)
        names = " or ".join(
            {"list": "array", "dict": "table", "str": "string"}.get(k.__name__, k.__name__) for k in kinds
        )
        out.append(f"| `{key}` | {names} | {_escape(meaning)} |")
    return "\n".join(out)


def on_page_markdown(markdown, page, config, files, **kwargs):
    if "<!-- cli-options -->" in markdown:
        markdown = markdown.replace("<!-- cli-options -->", cli_options_table())
    if "<!-- config-keys -->" in markdown:
        markdown = markdown.replace("<!-- config-keys -->", config_keys_table())
    return markdown
