"""Load tests/node/manifest/*.toml (see manifest/README.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path

HERE = Path(__file__).parent
STATUSES = {"pass", "fail", "n-a"}


def load() -> dict[str, dict[str, str]]:
    entries: dict[str, dict[str, str]] = {}
    for f in sorted((HERE / "manifest").glob("*.toml")):
        data = tomllib.loads(f.read_text())
        for key, value in data.items():
            if key in entries:
                raise ValueError(f"{key} listed twice (again in {f.name})")
            entries[key] = {
                "status": value["status"],
                "reason": value.get("reason", ""),
                "file": f.name,
            }
    return entries


NODE_SUFFIXES = (".js", ".mjs")


def port_path(key: str) -> Path:
    """``parallel/test-x.js`` or ``parallel/test-x.mjs`` -> ``tests/node/parallel/test-x.py``."""
    for suffix in NODE_SUFFIXES:
        if key.endswith(suffix):
            return HERE / (key[: -len(suffix)] + ".py")
    raise ValueError(f"{key}: a manifest key names a .js or .mjs Node test")


def key_of(path: Path) -> str:
    """The manifest key of a port: Node's file name, ``.mjs`` where Node's test is an ES
    module (the port's docstring says so: "Port of test/parallel/test-x.mjs.")."""
    rel = path.relative_to(HERE)
    stem = str(rel.with_suffix(""))
    return stem + (".mjs" if _docstring_names_mjs(path, stem) else ".js")


def _docstring_names_mjs(path: Path, stem: str) -> bool:
    try:
        with path.open() as f:
            head = f.read(400)
    except OSError:
        return False
    return f"test/{stem}.mjs" in head
