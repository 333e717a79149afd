"""Port of test/parallel/test-timers-timeout-promisified.js.

Each JS block is one test function ending in ``run()``; ``assert.rejects(p, ...).then(
common.mustCall())`` is ``common.mustResolve(common.rejects(p, ...))``. Translated, not
left out:

* ``promisify(timers.setTimeout)`` is ``timerPromises.setTimeout`` in Node (the callback
  API's ``util.promisify.custom``); nodenet_uv has no ``util.promisify``, so the blocks
  call ``timers.promises.setTimeout`` directly. Left out: the one assertion
  ``assert.strictEqual(setPromiseTimeout, timerPromises.setTimeout)``, which tests
  ``util.promisify.custom`` itself.
* ``new NodeEventTarget()`` with ``aborted = false`` (``--expose-internals``; "timer adding
  signals does not leak handlers"): an AbortController's signal, the EventTarget
  nodenet_uv has; ``getEventListeners(signal, 'abort')`` is the same public check.
* JS ``null`` in the bad ``signal``/``ref`` lists: ``None`` is ``undefined`` here (docs/python-rules.md), i.e. "option not given", which is valid; the other bad values are checked.
  (``setPromiseTimeout(10, null, ...)``'s ``null`` value is ``None``, as valid as null.)
* ``common.spawnPromisified(process.execPath, ['-pe', ...])`` (an unref'ed 1 s timer must
  not keep the process alive, nor fire): the same program run by a Python child process
  (``subprocess``), whose stderr must be empty.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.events import getEventListeners
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import promises as timerPromises

setPromiseTimeout = timerPromises.setTimeout


@pytest.fixture(autouse=True)
def _no_multiple_resolves(node_common: None) -> Iterator[None]:
    process.on("multipleResolves", common.mustNotCall())
    yield


def test_resolves_with_undefined() -> None:
    promise = setPromiseTimeout(1)

    def check(value: Any) -> None:
        assert value is None

    promise.then(common.mustCall(check))
    run()


def test_resolves_with_value() -> None:
    promise = setPromiseTimeout(1, "foobar")

    def check(value: Any) -> None:
        assert value == "foobar"

    promise.then(common.mustCall(check))
    run()


def test_abort_rejects() -> None:
    ac = AbortController()
    signal = ac.signal
    common.mustResolve(
        common.rejects(setPromiseTimeout(10, None, {"signal": signal}), "AbortError")
    )
    ac.abort()
    run()


def test_abort_in_advance_rejects() -> None:
    signal = AbortSignal.abort()  # Abort in advance
    common.mustResolve(
        common.rejects(setPromiseTimeout(10, None, {"signal": signal}), "AbortError")
    )
    run()


def test_abort_after_resolve_does_not_reject() -> None:
    # Check that aborting after resolve will not reject.
    ac = AbortController()
    signal = ac.signal
    setPromiseTimeout(10, None, {"signal": signal}).then(
        common.mustCall(lambda _v: ac.abort())
    ).then(common.mustCall())
    run()


def test_no_leaked_abort_listener() -> None:
    # Check that timer adding signals does not leak handlers
    signal = AbortController().signal  # NodeEventTarget: see the docstring

    def check() -> None:
        assert len(getEventListeners(signal, "abort")) == 0

    setPromiseTimeout(0, None, {"signal": signal}).finally_(common.mustCall(check))
    run()


def test_invalid_arguments() -> None:
    # assert.rejects(() => setPromiseTimeout(...), /ERR_INVALID_ARG_TYPE/): the call must
    # return a rejected promise (a synchronous throw fails Node's assert.rejects too, so the
    # call is made here, outside common.rejects).
    def check(delay: Any, options: Any) -> None:
        promise = setPromiseTimeout(delay, None, options)
        common.mustResolve(common.rejects(promise, {"code": "ERR_INVALID_ARG_TYPE"}))

    for delay in ["", False]:
        check(delay, {})

    for options in [1, "", False, float("inf")]:
        check(10, options)

    for signal in [1, "", False, float("inf"), {}]:  # JS null: see the docstring
        check(10, {"signal": signal})

    for ref in [1, "", float("inf"), {}]:  # JS null: see the docstring
        check(10, {"ref": ref})
    run()


def test_unrefed_timer_does_not_keep_the_process_alive() -> None:
    # node -pe "require('timers/promises').setTimeout(1000, null, { ref: false })
    #   .then(assert.fail)"
    program = (
        "from nodenet_uv import run\n"
        "from nodenet_uv.timers import promises\n"
        "def fail(*args):\n"
        "    raise AssertionError('Failed')\n"
        "print(promises.setTimeout(1000, None, {'ref': False}).then(fail))\n"
        "run()\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
    )
    assert child.stderr == ""


def test_abort_reason_is_the_cause() -> None:
    async def main() -> None:
        signal = AbortSignal.abort("boom")
        await common.rejects(
            timerPromises.setTimeout(1, None, {"signal": signal}), {"cause": "boom"}
        )

    common.mustResolve(main())
    run()
