"""Port of test/parallel/test-child-process-spawn-controller.js
(fixtures/child-process-stay-alive-forever.js is a Python program sleeping forever; JS's
``new Error('boom')`` is errors.JsError)."""

import sys
from typing import Any

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.child_process import spawn
from nodenet_uv.errors import JsError
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

aliveScript = ["-c", "import time\nwhile True: time.sleep(1)"]


def _spawn(signal: Any, **kw: Any) -> Any:
    return spawn(sys.executable, aliveScript, {"signal": signal, **kw})


def _expect_exit(cp: Any, killSignal: str = "SIGTERM") -> None:
    def on_exit(code: Any, sig: Any) -> None:
        assert code is None
        assert sig == killSignal

    cp.on("exit", common.mustCall(on_exit))


def _abort_error(check_cause: Any = None) -> Any:
    def on_error(e: Any) -> None:
        assert e.name == "AbortError"
        if check_cause is not None:
            check_cause(e.cause)

    return common.mustCall(on_error)


def _boom_error(cause: Any) -> None:
    assert cause.name == "Error"
    assert cause.message == "boom"


def _boom_string(cause: Any) -> None:
    assert cause == "boom"


def test_abort_signal() -> None:
    # Verify that passing an AbortSignal works
    controller = AbortController()
    cp = _spawn(controller.signal)
    _expect_exit(cp)
    cp.on("error", _abort_error())
    controller.abort()
    run()


def test_abort_signal_with_custom_error() -> None:
    controller = AbortController()
    cp = _spawn(controller.signal)
    _expect_exit(cp)
    cp.on("error", _abort_error(_boom_error))
    controller.abort(JsError("boom"))
    run()


def test_abort_signal_with_string_reason() -> None:
    controller = AbortController()
    cp = _spawn(controller.signal)
    _expect_exit(cp)
    cp.on("error", _abort_error(_boom_string))
    controller.abort("boom")
    run()


def test_already_aborted_signal() -> None:
    cp = _spawn(AbortSignal.abort())
    _expect_exit(cp)
    cp.on("error", _abort_error())
    run()


def test_already_aborted_signal_with_custom_error() -> None:
    cp = _spawn(AbortSignal.abort(JsError("boom")))
    _expect_exit(cp)
    cp.on("error", _abort_error(_boom_error))
    run()


def test_already_aborted_signal_with_string_reason() -> None:
    cp = _spawn(AbortSignal.abort("boom"))
    _expect_exit(cp)
    cp.on("error", _abort_error(_boom_string))
    run()


def test_waiting_a_bit_and_aborting() -> None:
    controller = AbortController()
    cp = _spawn(controller.signal)
    _expect_exit(cp)
    cp.on("error", _abort_error())
    setTimeout(lambda: controller.abort(), 1)
    run()


def test_different_kill_signal() -> None:
    controller = AbortController()
    cp = _spawn(controller.signal, killSignal="SIGKILL")
    _expect_exit(cp, "SIGKILL")
    cp.on("error", _abort_error())
    setTimeout(lambda: controller.abort(), 1)
    run()


def test_abort_after_exit_before_close() -> None:
    controller = AbortController()
    cp = _spawn(controller.signal)
    cp.on("exit", common.mustCall(lambda *a: controller.abort()))
    cp.on("error", common.mustNotCall())
    setTimeout(lambda: cp.kill(), 1)
    run()
