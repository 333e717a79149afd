"""MkDocs hooks: the pages generated at build time from the source tree.

* ``compat-report.md``: ``python -m nodenet_uv.compat report`` (the Node-test manifest)
  as a table, then its per-family scoreboard.
* ``img/ratios*.png``: the benchmark charts from ``bench/results/``.
* ``divergences.md``: every ``# DIVERGENCE:`` comment under ``nodenet_uv/``, with its
  file and line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
_ROW = re.compile(r"^(\S+)\s+(\S+)\s+(pass|fail|n-a)(?:\s+(.*))?$")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").strip()


def compat_report_markdown() -> str:
    out = subprocess.run(
        [sys.executable, "-m", "nodenet_uv.compat", "report"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows: list[str] = []
    tail: list[str] = []
    for line in out.splitlines()[1:]:
        m = _ROW.match(line)
        if m and not tail:
            test, area, status, reason = m.groups()
            rows.append(f"| `{test}` | {area} | {status} | {_md_cell(reason or '')} |")
        elif line.strip() or tail:
            tail.append(line)
    counts = {s: sum(1 for r in rows if f"| {s} |" in r) for s in ("pass", "fail", "n-a")}
    return "\n".join(
        [
            "# Node test report",
            "",
            "Generated at build time from `python -m nodenet_uv.compat report`: every Node",
            "v24 test file the project has looked at (`tests/node/manifest/`), whether its",
            "Python port passes, fails, or does not apply (`n-a`: the test needs something",
            "out of scope), and why. See [Compatibility](compatibility.md) for what the",
            "statuses cover.",
            "",
            f"**{counts['pass']} pass, {counts['fail']} fail, {counts['n-a']} n-a.**",
            "",
            "## Scoreboard",
            "",
            "```text",
            *[t.rstrip() for t in tail],
            "```",
            "",
            "## Every test",
            "",
            "| Node test | area | status | reason |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )


def collect_divergences() -> list[tuple[str, int, str]]:
    """(path, line, text) for each ``# DIVERGENCE:`` comment, its continuation lines joined."""
    found: list[tuple[str, int, str]] = []
    for path in sorted((ROOT / "nodenet_uv").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped.startswith("# DIVERGENCE:"):
                text = [stripped[len("# DIVERGENCE:") :].strip()]
                j = i + 1
                while j < len(lines):
                    nxt = lines[j].strip()
                    if not nxt.startswith("#") or nxt.startswith("# DIVERGENCE:"):
                        break
                    text.append(nxt[1:].strip())
                    j += 1
                found.append((path.relative_to(ROOT).as_posix(), i + 1, " ".join(text)))
                i = j
            else:
                i += 1
    return found


def divergences_markdown() -> str:
    items = collect_divergences()
    out = [
        "# Divergences from Node",
        "",
        "Generated at build time: every `# DIVERGENCE:` comment in the source, where",
        "nodenet_uv knowingly behaves differently from Node 24 (most are Python facts: `None`",
        "for both `null` and `undefined`, `os.PathLike` paths, no `Symbol`).",
        f"**{len(items)} comments.**",
        "",
        "| where | divergence |",
        "|---|---|",
    ]
    for path, line, text in items:
        out.append(f"| `{path}:{line}` | {_md_cell(text)} |")
    out.append("")
    return "\n".join(out)


_DIRECTIVE = re.compile(r"^::: (nodenet_uv[\w.]*)[ \t]*$", re.M)


def public_members(module_name: str) -> list[str] | None:
    """The module's ``__all__`` without the snake_case twins (they are the same objects as
    the Node names they are listed after; Python rules says so once)."""
    import importlib

    from nodenet_uv._internal.naming import snake

    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None  # a class or function path: documented as it is
    names = getattr(module, "__all__", None)
    if names is None:
        return None
    twins = {snake(n) for n in names if snake(n) != n}
    return [n for n in names if n not in twins]


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """``::: nodenet_uv.x`` alone on a line documents the module's public API: the names of
    its ``__all__`` (Node's spellings), not every helper the port keeps under Node's names."""

    def expand(m: re.Match[str]) -> str:
        members = public_members(m.group(1))
        if members is None:
            return m.group(0)
        listed = "\n".join(f"        - {n}" for n in members)
        return f"{m.group(0)}\n    options:\n      members:\n{listed}\n"

    if not page.file.src_uri.startswith("api/"):
        return markdown
    return _DIRECTIVE.sub(expand, markdown)


def on_files(files: Files, config: Any) -> Files:
    files.append(File.generated(config, "compat-report.md", content=compat_report_markdown()))
    files.append(File.generated(config, "divergences.md", content=divergences_markdown()))
    # The benchmark charts live with their results in bench/results/.
    for name, src in (("ratios.png", "bench/results"), ("ratios-full.png", "bench/results/full")):
        chart = ROOT / src / "ratios.png"
        files.append(File.generated(config, f"img/{name}", abs_src_path=str(chart)))
    return files
