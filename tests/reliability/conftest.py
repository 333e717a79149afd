"""tests/reliability (issue 18): soak, faults, scale, fuzz, security.

Two loads. ``make test`` runs every file here at the *fast* load (seconds per test);
``make soak`` sets ``NODENET_UV_SOAK=1`` for the *full* load (1 GiB each way, 100,000
connections, thousands of fuzz examples) and ``NODENET_UV_RELIABILITY_TABLE=<path>``:
every test then adds its row(s) to that JSON-lines file, and ``tools/soak_table.py``
turns the file into the Markdown table the README shows.

A test reports what it did through the ``reliability_row`` fixture::

    def test_echo_soak(reliability_row, load):
        ...
        reliability_row(
            test="echo soak, TCP, Python<->node",
            load=f"{load.bytes(1 << 30)} B each way",
            faults="random pause/resume, cork/uncork",
            bad_inputs=0,
            bytes_compared=2 * n,
            leaks=[],          # names of anything leaked; [] = nothing leaked
            lost=0,            # bytes/messages/connections lost; 0 = nothing lost
        )

Rows are recorded at both loads (the fast run writes nowhere unless the variable is set).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

SOAK = os.environ.get("NODENET_UV_SOAK") == "1"


@dataclass(frozen=True)
class Load:
    """Picks the fast or the full figure: ``load.n(1000, 100_000)``."""

    full: bool

    def n(self, fast: int, full: int) -> int:
        return full if self.full else fast

    def bytes(self, full: int, fast: int = 4 << 20) -> int:
        return full if self.full else fast


@pytest.fixture
def load() -> Load:
    return Load(full=SOAK)


@pytest.fixture
def reliability_row(request: pytest.FixtureRequest) -> Callable[..., None]:
    path = os.environ.get("NODENET_UV_RELIABILITY_TABLE")
    started = time.monotonic()

    def row(
        *,
        test: str,
        load: str,
        faults: str = "",
        bad_inputs: int = 0,
        bytes_compared: int = 0,
        leaks: list[str] | None = None,
        lost: int = 0,
        **extra: Any,
    ) -> None:
        record = {
            "nodeid": request.node.nodeid,
            "test": test,
            "load": load,
            "faults": faults,
            "bad_inputs": bad_inputs,
            "bytes_compared": bytes_compared,
            "leaks": list(leaks or []),
            "lost": lost,
            "seconds": round(time.monotonic() - started, 2),
            "soak": SOAK,
            **extra,
        }
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")

    return row


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """A test that fails (in its body, or at teardown, where the leak check runs) adds a
    ``failed`` record for its nodeid, so the table shows it instead of dropping the row."""
    outcome = yield
    report = outcome.get_result()
    path = os.environ.get("NODENET_UV_RELIABILITY_TABLE")
    if not path or not report.failed:
        return
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(report.longrepr or "")
    lines = [x for x in text.splitlines() if x.strip()]
    record = {
        "nodeid": item.nodeid,
        "failed": True,
        "when": report.when,
        "error": (lines[0] if lines else "failed")[:400],
        "soak": SOAK,
    }
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
