"""Shared pieces of the stream differential checks: run a scenario under node, and the same
scenario in Python, each recording ``[event, *args]`` entries; the tests compare the two."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from typing import Any

from nodenet_uv import run
from nodenet_uv.testing.node_peer import find_node

NODE = find_node()


def node_trace(prelude: str, js: str) -> list[Any]:
    """Run ``prelude + js`` under node; the last line it prints is the JSON trace."""
    out = subprocess.run(
        [NODE or "node", "-e", prelude + js],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def py_trace(scenario: Callable[[Callable[..., None]], None]) -> list[Any]:
    """Run ``scenario(ev)`` and the loop to its end; the entries ``ev`` recorded."""
    trace: list[Any] = []

    def ev(name: str, *args: Any) -> None:
        trace.append([name, *args])

    scenario(ev)
    run()
    return trace


def code(e: Any) -> Any:
    """What the JS side records of an error: its code, else its message (None for none)."""
    return (getattr(e, "code", None) or str(e)) if e else None
