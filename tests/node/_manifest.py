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


def port_path(key: str) -> Path:
    return HERE / (key[: -len(".js")] + ".py")


def key_of(path: Path) -> str:
    rel = path.relative_to(HERE)
    return str(rel.with_suffix(".js"))
