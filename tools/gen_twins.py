"""Write the snake_case twins into the source, for type checkers (mypy, pyright).

At run time one mechanism makes every twin (``nodenet_uv._internal.naming``: the
``NodeNames`` mixin for classes, ``alias_module`` for modules). A type checker does not run
it, so users' checkers would not know ``sock.set_no_delay``. This tool imports every
module, asks the running classes and modules which twins the mechanism made, and writes
them as aliases inside an ``if TYPE_CHECKING:`` block, at the end of each class body and
of each module, between ``# BEGIN twins`` and ``# END twins`` markers. Nothing there runs.

    python tools/gen_twins.py          rewrite the blocks
    python tools/gen_twins.py --check  exit 1 if a block is missing or stale (the test)
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nodenet_uv._internal import naming  # noqa: E402

BEGIN = "# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)"
END = "# END twins"


def _modules() -> list[Any]:
    import nodenet_uv

    mods = [nodenet_uv]
    for info in pkgutil.walk_packages(nodenet_uv.__path__, "nodenet_uv."):
        if ".testing.plugin" in info.name or info.name == "nodenet_uv._speedups":
            continue  # (_speedups: the C extension, no Python source)
        mods.append(importlib.import_module(info.name))
    return mods


def _static_names(body: list[ast.stmt]) -> set[str]:
    """Names a class or module body binds itself (outside any twins block)."""
    names: set[str] = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names.add(t.id)
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
        ):
            names.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                names.add((a.asname or a.name).split(".")[0])
    return names


def _declared(body: list[ast.stmt]) -> dict[str, str]:
    """Names a class body only annotates (``allBuffers: bool``: a __slots__ field), with
    the annotation's source."""
    return {
        node.target.id: ast.unparse(node.annotation)
        for node in body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.value is None
    }


def _is_twins_block(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        and all(isinstance(s, (ast.Assign, ast.AnnAssign)) for s in node.body)
    )


def _foreign_base_has(cls: type, name: str) -> bool:
    """A base that is not ours (pyee's EventEmitter) defines ``name`` with its own type:
    the run-time twin replaces it, which a type checker reports as an override."""
    return any(
        name in base.__dict__ and not issubclass(base, naming.NodeNames) for base in cls.__mro__[1:]
    )


def _class_twins(cls: type, body: list[ast.stmt]) -> list[tuple[str, str]]:
    own = cls.__dict__
    kept = [n for n in body if not _is_twins_block(n)]
    static = _static_names(kept)
    declared = _declared(kept)
    out = []
    for s, c in sorted(getattr(cls, "_snake_to_camel", {}).items()):
        if s.startswith("_") or s in static or s in declared or s not in own or c not in own:
            continue
        if own[s] is not own[c]:
            continue
        if c in static:
            # unused-ignore: pyee's method may happen to be compatible.
            note = (
                "  # type: ignore[assignment, unused-ignore]" if _foreign_base_has(cls, s) else ""
            )
            out.append((s, f" = {c}{note}"))
        elif c in declared:
            out.append((s, f": {declared[c]}"))
    return out


def _module_twins(mod: Any, body: list[ast.stmt]) -> list[tuple[str, str]]:
    static = _static_names([n for n in body if not _is_twins_block(n)])
    out = []
    for c in sorted(static):
        s = naming.snake(c)
        if s == c or s.startswith("_") or s in static or not hasattr(mod, s) or not hasattr(mod, c):
            continue
        if getattr(mod, s) is getattr(mod, c):
            out.append((s, f" = {c}"))
    return out


def _block(pairs: list[tuple[str, str]], indent: str) -> list[str]:
    lines = [f"{indent}{BEGIN}", f"{indent}if TYPE_CHECKING:"]
    lines += [f"{indent}    {s}{rest}" for s, rest in pairs]
    lines.append(f"{indent}{END}")
    return lines


def _strip_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    skipping = False
    for line in lines:
        if line.strip() == BEGIN:
            skipping = True
            while out and not out[-1].strip():
                out.pop()
            continue
        if skipping:
            if line.strip() == END:
                skipping = False
            continue
        out.append(line)
    return out


def render(mod: Any) -> tuple[Path, str, str] | None:
    path = Path(mod.__file__)
    old = path.read_text()
    lines = _strip_blocks(old.splitlines())
    tree = ast.parse("\n".join(lines))
    inserts: list[tuple[int, list[str]]] = []  # (after line index, block lines)
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(mod, node.name, None)
        if not isinstance(cls, type) or not issubclass(cls, naming.NodeNames):
            continue
        if cls.__module__ != mod.__name__:
            continue
        pairs = _class_twins(cls, node.body)
        if pairs:
            indent = " " * (node.body[0].col_offset)
            end = node.end_lineno or node.lineno
            inserts.append((end, ["", *_block(pairs, indent)]))
    pairs = _module_twins(mod, tree.body)
    if pairs:
        inserts.append((len(lines), ["", "", *_block(pairs, "")]))
    if not inserts:
        new = "\n".join(lines) + "\n"
    else:
        out = list(lines)
        for after, block in sorted(inserts, reverse=True):
            out[after:after] = block
        new = "\n".join(out) + "\n"
        if "TYPE_CHECKING" not in "\n".join(lines).split(BEGIN)[0].split("class ")[0]:
            new = _add_import(new)
    if new == old:
        return None
    return path, old, new


def _add_import(text: str) -> str:
    tree = ast.parse(text)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "typing":
            names = {a.name for a in node.names}
            if "TYPE_CHECKING" in names:
                return text
    lines = text.splitlines()
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "typing"
            and node.lineno == (node.end_lineno)
        ):
            line = lines[node.lineno - 1]
            head, _, tail = line.partition(" import ")
            # isort's order, as ruff applies it: CONSTANTS, then Classes, then functions.
            names = sorted(
                [n.strip() for n in tail.split(",")] + ["TYPE_CHECKING"],
                key=lambda n: (0 if n.isupper() else 1 if n[:1].isupper() else 2, n),
            )
            lines[node.lineno - 1] = f"{head} import {', '.join(names)}"
            return "\n".join(lines) + "\n"
    # No single-line `from typing import ...`: add one after `from __future__`.
    for i, line in enumerate(lines):
        if line.startswith("from __future__ import"):
            lines[i + 1 : i + 1] = ["", "from typing import TYPE_CHECKING"]
            return "\n".join(lines) + "\n"
    raise SystemExit("gen_twins: no place for `from typing import TYPE_CHECKING`")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for mod in _modules():
        result = render(mod)
        if result is None:
            continue
        path, _old, new = result
        stale.append(path.relative_to(ROOT))
        if not check:
            path.write_text(new)
    if check and stale:
        print("twins blocks missing or stale (run python tools/gen_twins.py):")
        for p in stale:
            print(f"  {p}")
        return 1
    if not check:
        for p in stale:
            print(f"rewrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
