"""Imports go downward only (docs/design.md, docs/CONTRIBUTING-PORTS.md "Layers").

Every module of the package has a rank; a module may import from its own rank or below,
never above, and only ``_binding`` may import pyuv. The check reads the source (AST), so an
import inside a function counts as much as one at the top: importing a higher layer lazily
is exactly how a lower layer would cheat. Imports under ``if TYPE_CHECKING:`` are left out
(they never run). Known exceptions are listed in ``ALLOWED`` with the reason for each; an
entry that no longer matches anything fails too, so the list stays true.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "nodenet_uv"

# Rank of each layer, from the bottom (pyuv is below everything, for _binding only).
RANKS: dict[str, int] = {
    "_binding": 0,
    # The C accelerator (nodenet_uv/_speedups.c): _binding imports it; it imports nothing
    # at import time (its configuration imports the modules it accelerates, from C, lazily).
    "_speedups": 0,
    "_internal": 1,
    "errors": 2,
    "_validators": 2,
    "events": 3,
    "abort_controller": 3,
    "stream": 4,
    "string_decoder": 4,
    "dns": 5,
    "timers": 5,
    "process": 5,
    "perf_hooks": 5,
    "_main": 5,
    "net": 6,
    "child_process": 6,
    "cluster": 6,
    "_stream_base_commons": 6,
    "_blocklist": 6,
    "_socketaddress": 6,
    "testing": 7,
    "aio": 7,
    "compat": 7,
    "__init__": 8,
}

# (importing module, imported module) -> why it is allowed.
ALLOWED: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1 and parts[:-1] != ["nodenet_uv"]:
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> str:
    """The layer a module of the package belongs to (its first component after the
    package name; the package's own ``__init__`` is the top layer)."""
    parts = module.split(".")
    assert parts[0] == "nodenet_uv", module
    if len(parts) == 1 or parts[1] == "__init__":
        return "__init__"
    return parts[1]


def rank_of(module: str) -> int:
    layer = layer_of(module)
    assert layer in RANKS, f"{module}: layer {layer!r} has no rank; add it to RANKS"
    return RANKS[layer]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk_runtime(node: ast.AST):
    """ast.walk, minus the bodies of `if TYPE_CHECKING:` blocks."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield other
                yield from _walk_runtime(other)
            continue
        yield child
        yield from _walk_runtime(child)


def _submodule_exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").exists() or (PACKAGE / rel / "__init__.py").exists()


def imports_of(path: Path) -> list[tuple[str, int]]:
    return imports_in(path.read_text(), module_name(path), path.name == "__init__.py")


def imports_in(source: str, me: str, is_package: bool) -> list[tuple[str, int]]:
    """(imported module, line) for every import statement of the source, resolved to the
    module that actually runs: `from nodenet_uv import errors` is nodenet_uv.errors, but
    `from nodenet_uv import run` reads nodenet_uv/__init__.py."""
    package = me.removesuffix(".__init__") if is_package else me.rsplit(".", 1)[0]
    tree = ast.parse(source)
    found: list[tuple[str, int]] = []
    for node in _walk_runtime(tree):
        if (
            isinstance(node, ast.Call)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            # importlib.import_module("nodenet_uv.x") / __import__("nodenet_uv.x")
            found.append((node.args[0].value, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.append((alias.name, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                if node.level > 1:
                    base = base[: -(node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if target.startswith("nodenet_uv") and _submodule_exists(sub):
                    found.append((sub, node.lineno))
                else:
                    found.append((target, node.lineno))
    return found


def all_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def check(me: str, imports: list[tuple[str, int]]) -> list[tuple[str, str, int, str]]:
    out = []
    my_rank = rank_of(me)
    for target, line in imports:
        top = target.split(".")[0]
        if top == "pyuv":
            if layer_of(me) != "_binding":
                out.append((me, target, line, "only _binding may import pyuv"))
            continue
        if top != "nodenet_uv":
            continue
        their_rank = rank_of(target)
        if their_rank > my_rank:
            why = f"{layer_of(me)} (rank {my_rank}) imports {layer_of(target)} (rank {their_rank})"
            out.append((me, target, line, why))
    return out


def violations() -> list[tuple[str, str, int, str]]:
    out = []
    for path in all_modules():
        out += check(module_name(path), imports_of(path))
    return out


def test_every_module_has_a_rank() -> None:
    for path in all_modules():
        rank_of(module_name(path))


def test_imports_go_downward_only() -> None:
    bad = [
        f"{me}:{line} imports {target}: {why}"
        for me, target, line, why in violations()
        if (me, target) not in ALLOWED
    ]
    assert not bad, "layer violations:\n" + "\n".join(bad)


def test_allow_list_is_current() -> None:
    seen = {(me, target) for me, target, _line, _why in violations()}
    stale = [pair for pair in ALLOWED if pair not in seen]
    assert not stale, f"ALLOWED entries that no longer occur: {stale}"


def test_only_binding_imports_pyuv() -> None:
    for path in all_modules():
        me = module_name(path)
        for target, line in imports_of(path):
            if target.split(".")[0] == "pyuv":
                assert layer_of(me) == "_binding", f"{me}:{line} imports pyuv"


def test_stream_never_imports_binding() -> None:
    # docs/CONTRIBUTING-PORTS.md: the stream state machines know nothing of libuv.
    for path in all_modules():
        me = module_name(path)
        if layer_of(me) != "stream":
            continue
        for target, line in imports_of(path):
            assert not target.startswith("nodenet_uv._binding"), f"{me}:{line} imports {target}"


def test_the_checker_sees_lazy_and_relative_imports() -> None:
    # The resolver itself, on a made-up module of _internal: a lazy import inside a
    # function, relative imports, and a package attribute (`from .. import run` reads
    # nodenet_uv/__init__.py).
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from nodenet_uv.net import Socket\n"
        "def f():\n"
        "    from nodenet_uv import net\n"
        "    from .. import run\n"
        "    from . import naming\n"
        "    import pyuv\n"
        "    importlib.import_module('nodenet_uv.dns')\n"
    )
    me = "nodenet_uv._internal.probe"
    got = imports_in(source, me, False)
    assert {t for t, _ in got} == {
        "typing",
        "nodenet_uv.net",
        "nodenet_uv",
        "nodenet_uv._internal.naming",
        "pyuv",
        "nodenet_uv.dns",
    }
    reasons = {(t, why) for _me, t, _line, why in check(me, got)}
    assert reasons == {
        ("nodenet_uv.net", "_internal (rank 1) imports net (rank 6)"),
        ("nodenet_uv", "_internal (rank 1) imports __init__ (rank 8)"),
        ("pyuv", "only _binding may import pyuv"),
        ("nodenet_uv.dns", "_internal (rank 1) imports dns (rank 5)"),
    }
