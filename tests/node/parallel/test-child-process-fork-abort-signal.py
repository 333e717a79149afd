"""Port of test/parallel/test-child-process-fork-abort-signal.js (the fixture
child-process-stay-alive-forever.js is a Python program that sleeps)."""

from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import child_process, run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


@pytest.fixture
def fixture(tmp_path: Path) -> str:
    path = tmp_path / "child-process-stay-alive-forever.py"
    path.write_text("import time\ntime.sleep(20)\n")
    return str(path)


def _exit_with(sig: str) -> Any:
    def on_exit(code: Any, killSignal: Any) -> None:
        assert code is None
        assert killSignal == sig

    return common.mustCall(on_exit)


def _abort_error(cause_message: str | None = None) -> Any:
    def on_error(err: Any) -> None:
        assert err.name == "AbortError"
        if cause_message is not None:
            assert type(err.cause).__name__ in ("Exception", "Error")
            assert str(err.cause) == cause_message

    return common.mustCall(on_error)


def test_abort_after_fork(fixture: str) -> None:
    ac = AbortController()
    cp = child_process.fork(fixture, {"signal": ac.signal})
    cp.on("exit", _exit_with("SIGTERM"))
    cp.on("error", _abort_error())
    process.nextTick(lambda: ac.abort())
    run()


def test_abort_with_reason(fixture: str) -> None:
    ac = AbortController()
    cp = child_process.fork(fixture, {"signal": ac.signal})
    cp.on("exit", _exit_with("SIGTERM"))
    cp.on("error", _abort_error("boom"))
    process.nextTick(lambda: ac.abort(Exception("boom")))
    run()


def test_already_aborted(fixture: str) -> None:
    cp = child_process.fork(fixture, {"signal": AbortSignal.abort()})
    cp.on("exit", _exit_with("SIGTERM"))
    cp.on("error", _abort_error())
    run()


def test_already_aborted_with_reason(fixture: str) -> None:
    cp = child_process.fork(fixture, {"signal": AbortSignal.abort(Exception("boom"))})
    cp.on("exit", _exit_with("SIGTERM"))
    cp.on("error", _abort_error("boom"))
    run()


def test_already_aborted_kill_signal(fixture: str) -> None:
    cp = child_process.fork(fixture, {"signal": AbortSignal.abort(), "killSignal": "SIGKILL"})
    cp.on("exit", _exit_with("SIGKILL"))
    cp.on("error", _abort_error())
    run()


def test_abort_after_exit_is_ignored(fixture: str) -> None:
    ac = AbortController()
    cp = child_process.fork(fixture, {"signal": ac.signal})
    cp.on("exit", common.mustCall(lambda *a: ac.abort()))
    cp.on("error", common.mustNotCall())
    setTimeout(lambda: cp.kill(), 1)
    run()
