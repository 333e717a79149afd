"""Port of test/parallel/test-child-process-spawn-timeout-kill-signal.js (the fixture
child-process-stay-alive-forever.js is a Python program that sleeps)."""

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.events import getEventListeners
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


ALIVE_FOREVER = ""


@pytest.fixture(autouse=True)
def _fixture(tmp_path: Path) -> None:
    global ALIVE_FOREVER
    ALIVE_FOREVER = str(tmp_path / "child-process-stay-alive-forever.py")
    Path(ALIVE_FOREVER).write_text("import time\ntime.sleep(20)\n")


def test_timeout_kill_signal() -> None:
    cp = child_process.spawn(sys.executable, [ALIVE_FOREVER], {"timeout": 5})
    cp.on("exit", common.mustCall(lambda code, ks: _eq(ks, "SIGTERM")))
    cp = child_process.spawn(
        sys.executable, [ALIVE_FOREVER], {"timeout": 6, "killSignal": "SIGKILL"}
    )
    cp.on("exit", common.mustCall(lambda code, ks: _eq(ks, "SIGKILL")))
    with pytest.raises(ValueError, match=re.compile("timeout")) as info:
        child_process.spawn(sys.executable, [ALIVE_FOREVER], {"timeout": "badValue"})
    assert info.value.code == "ERR_OUT_OF_RANGE"  # type: ignore[attr-defined]
    with pytest.raises(ValueError) as info:
        child_process.spawn(sys.executable, [ALIVE_FOREVER], {"timeout": {}})
    assert info.value.code == "ERR_OUT_OF_RANGE"  # type: ignore[attr-defined]

    controller = AbortController()
    signal = controller.signal
    cp = child_process.spawn(sys.executable, [ALIVE_FOREVER], {"timeout": 6, "signal": signal})
    assert len(getEventListeners(signal, "abort")) == 1

    def on_exit(*args: Any) -> None:
        assert len(getEventListeners(signal, "abort")) == 0

    cp.on("exit", common.mustCall(on_exit))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b
