"""Port of test/parallel/test-timers-interval-promisified.js.

Each JS block is one test function ending in ``run()``; ``assert.rejects(p, ...).then(
common.mustCall())`` is ``common.mustResolve(common.rejects(p, ...))``. ``setInterval``
returns a JS-like async generator, which is its own async iterator: where the JS calls
``iterable[Symbol.asyncIterator]()`` (which returns the generator itself) the port uses the
object ``setInterval`` returned; ``iterator.return()`` is ``return_()``; ``for await`` is
``async for`` in a coroutine (leaving it with ``break`` calls ``return_()``, as JS does).
Translated, not left out:

* ``promisify(timers.setTimeout)`` is ``timerPromises.setTimeout`` in Node (the callback
  API's ``util.promisify.custom``); nodenet_uv has no ``util.promisify``, so
  ``setPromiseTimeout`` is ``timers.promises.setTimeout`` here.
* ``new NodeEventTarget()`` with ``aborted = false`` (``--expose-internals``; "does not
  leak handlers", "break removes the signal listener"): an AbortController's signal, the
  EventTarget nodenet_uv has; ``getEventListeners(signal, 'abort')`` is the same check.
* JS ``null`` in the bad ``ref``/``signal``/``options`` lists: ``None`` is ``undefined``
  here (docs/python-rules.md), i.e. "not given", which is valid; the other bad values are
  checked.
* ``await fn(iteration)`` with a non-async ``fn`` awaits its ``undefined`` result: here
  ``Promise.resolve(result)`` is awaited (a coroutine result is spawned first, as calling a
  JS async function starts it).
* ``common.spawnPromisified(process.execPath, ['-pe', ...])`` (an unref'ed interval must
  not keep the process alive, nor tick): the same program run by a Python child process
  (``subprocess``), whose stderr must be empty.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.events import getEventListeners
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import promises as timerPromises

setPromiseTimeout = timerPromises.setTimeout

setInterval = timerPromises.setInterval


@pytest.fixture(autouse=True)
def _no_multiple_resolves(node_common: None) -> Iterator[None]:
    process.on("multipleResolves", common.mustNotCall())
    yield


def test_first_value_undefined() -> None:
    iterable = setInterval(1, None)
    iterator = iterable  # iterable[Symbol.asyncIterator]()
    promise = iterator.next()

    def check(result: Any) -> Any:
        assert not result["done"], "iterator was wrongly marked as done"
        assert result["value"] is None
        return iterator.return_()

    promise.then(common.mustCall(check)).then(common.mustCall())
    run()


def test_first_value() -> None:
    iterable = setInterval(1, "foobar")
    iterator = iterable  # iterable[Symbol.asyncIterator]()
    promise = iterator.next()

    def check(result: Any) -> Any:
        assert not result["done"], "iterator was wronly marked as done"
        assert result["value"] == "foobar"
        return iterator.return_()

    promise.then(common.mustCall(check)).then(common.mustCall())
    run()


def test_two_values() -> None:
    iterable = setInterval(1, "foobar")
    iterator = iterable  # iterable[Symbol.asyncIterator]()
    promise = iterator.next()

    def first(result: Any) -> Any:
        assert not result["done"], "iterator was wronly marked as done"
        assert result["value"] == "foobar"
        return iterator.next()

    def second(result: Any) -> Any:
        assert not result["done"], "iterator was wrongly marked as done"
        assert result["value"] == "foobar"
        return iterator.return_()

    promise.then(common.mustCall(first)).then(common.mustCall(second)).then(common.mustCall())
    run()


def test_abort_in_advance() -> None:
    signal = AbortSignal.abort()  # Abort in advance

    iterable = setInterval(1, None, {"signal": signal})
    iterator = iterable  # iterable[Symbol.asyncIterator]()
    common.mustResolve(common.rejects(iterator.next(), "AbortError"))
    run()


def test_abort_while_next_is_pending() -> None:
    ac = AbortController()
    signal = ac.signal

    iterable = setInterval(100, None, {"signal": signal})
    iterator = iterable  # iterable[Symbol.asyncIterator]()

    # This promise should take 100 seconds to resolve, so now aborting it should
    # mean we abort early
    promise = iterator.next()

    ac.abort()  # Abort in after we have a next promise

    common.mustResolve(common.rejects(promise, "AbortError"))
    run()


def test_abort_after_a_value() -> None:
    # Check aborting after getting a value.
    ac = AbortController()
    signal = ac.signal

    iterable = setInterval(100, None, {"signal": signal})
    iterator = iterable  # iterable[Symbol.asyncIterator]()

    promise = iterator.next()
    abortPromise = promise.then(common.mustCall(lambda _r: ac.abort())).then(
        lambda _v: iterator.next()
    )
    common.mustResolve(common.rejects(abortPromise, "AbortError"))
    run()


def test_invalid_arguments() -> None:
    for ref in [1, "", float("inf"), {}]:  # JS null: see the docstring
        iterable = setInterval(10, None, {"ref": ref})
        common.mustResolve(common.rejects(lambda it=iterable: it.next(), "ERR_INVALID_ARG_TYPE"))

    for signal in [1, "", float("inf"), {}]:  # JS null: see the docstring
        iterable = setInterval(10, None, {"signal": signal})
        common.mustResolve(common.rejects(lambda it=iterable: it.next(), "ERR_INVALID_ARG_TYPE"))

    for options in [1, "", float("inf"), True, False]:  # JS null: see the docstring
        iterable = setInterval(10, None, options)
        common.mustResolve(common.rejects(lambda it=iterable: it.next(), "ERR_INVALID_ARG_TYPE"))
    run()


def test_no_leaked_abort_listener() -> None:
    # Check that timer adding signals does not leak handlers
    signal = AbortController().signal  # NodeEventTarget: see the docstring
    iterator = setInterval(1, None, {"signal": signal})

    def check_one(_result: Any) -> None:
        assert len(getEventListeners(signal, "abort")) == 1
        iterator.return_()

    def check_none() -> None:
        assert len(getEventListeners(signal, "abort")) == 0

    iterator.next().then(common.mustCall(check_one)).finally_(common.mustCall(check_none))
    run()


def test_break_removes_the_signal_listener() -> None:
    # Check that break removes the signal listener
    signal = AbortController().signal  # NodeEventTarget: see the docstring

    async def tryBreak() -> None:
        iterator = setInterval(10, None, {"signal": signal})
        i = 0
        async for _ in iterator:
            if i == 0:
                assert len(getEventListeners(signal, "abort")) == 1
            i += 1
            if i == 2:
                break
        assert i == 2
        assert len(getEventListeners(signal, "abort")) == 0

    common.mustResolve(tryBreak())
    run()


def test_unrefed_interval_does_not_keep_the_process_alive() -> None:
    # node -pe "const interval = require('timers/promises')
    #   .setInterval(1000, null, { ref: false });
    #   interval[Symbol.asyncIterator]().next().then(assert.fail)"
    program = (
        "from nodenet_uv import run\n"
        "from nodenet_uv.timers import promises\n"
        "def fail(*args):\n"
        "    raise AssertionError('Failed')\n"
        "interval = promises.setInterval(1000, None, {'ref': False})\n"
        "print(interval.next().then(fail))\n"
        "run()\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
    )
    assert child.stderr == ""


async def runInterval(fn: Callable[[int], Any], intervalTime: float, signal: Any) -> None:
    input = "foobar"
    interval = setInterval(intervalTime, input, {"signal": signal})
    iteration = 0
    async for value in interval:
        assert value == input
        iteration += 1
        result = fn(iteration)
        # `await fn(iteration)`: see the docstring.
        await Promise.resolve(spawn(result) if inspect.iscoroutine(result) else result)


def test_run_interval_calls_the_correct_amount_of_times() -> None:
    # Check that we call the correct amount of times.
    controller = AbortController()
    signal = controller.signal

    loopCount = 0
    delay = 20

    def fn(_iteration: int) -> None:
        nonlocal loopCount
        loopCount += 1
        if loopCount == 5:
            controller.abort()
        if loopCount > 5:
            raise Exception("ran too many times")

    timeoutLoop = spawn(runInterval(fn, delay, signal))

    def check(_v: Any) -> None:
        assert loopCount == 5

    spawn(common.rejects(timeoutLoop, "AbortError")).then(common.mustCall(check))
    run()


def test_run_interval_abort_with_unresolved_callbacks() -> None:
    # Check that if we abort when we have some unresolved callbacks,
    # we actually call them.
    controller = AbortController()
    signal = controller.signal
    delay = 10
    totalIterations = 0

    async def fn(iterationNumber: int) -> None:
        nonlocal totalIterations
        await setPromiseTimeout(delay * 4)
        if iterationNumber <= 2:
            assert signal.aborted is False
        if iterationNumber == 2:
            controller.abort()
        if iterationNumber > 2:
            assert signal.aborted is True
        if iterationNumber > totalIterations:
            totalIterations = iterationNumber

    timeoutLoop = spawn(runInterval(fn, delay, signal))

    def check(_err: Any) -> None:
        assert totalIterations >= 3, f"iterations was {totalIterations} < 3"

    timeoutLoop.catch(common.mustCall(check))
    run()


def test_timing() -> None:
    # Check that the timing is correct
    state = {"pre": False, "post": False}

    def set_flag(name: str) -> Callable[[Any], None]:
        def on_timeout(_v: Any) -> None:
            state[name] = True

        return on_timeout

    time_unit = 50

    def executor(res: Callable[[Any], None], _rej: Callable[[Any], None]) -> None:
        iterable = timerPromises.setInterval(time_unit * 2)
        iterator = iterable  # iterable[Symbol.asyncIterator]()

        def first(_r: Any) -> Any:
            assert state["pre"], "interval ran too early"
            assert not state["post"], "interval ran too late"
            return iterator.next()

        def second(_r: Any) -> Any:
            assert state["post"], "second interval ran too early"
            return iterator.return_()

        iterator.next().then(first).then(second).then(res)

    Promise.all(
        [
            setPromiseTimeout(1).then(set_flag("pre")),
            Promise(executor),
            setPromiseTimeout(time_unit * 3).then(set_flag("post")),
        ]
    ).then(common.mustCall())
    run()


def test_abort_reason_is_the_cause() -> None:
    async def main() -> None:
        signal = AbortSignal.abort("boom")
        try:
            iterable = timerPromises.setInterval(2, None, {"signal": signal})
            async for _ in iterable:
                pass
            raise AssertionError("should have failed")
        except Exception as err:
            assert getattr(err, "cause", None) == "boom"

    common.mustResolve(main())
    run()
