"""timers.promises: the Python side (module layout, keyword options, the scheduler's
names, ref/abort bookkeeping) and the JS protocol of ``_internal.async_generator``.

Node's behaviour is checked by the ports tests/node/parallel/test-timers-*-promisified.py
and test-timers-promises-scheduler.py, and by the differential scenario
``timers_promises`` in tests/differential/test_runtime_orders.py.
"""

from __future__ import annotations

import importlib
import time
from typing import Any

import pytest

from nodenet_uv import errors, run
from nodenet_uv._binding import timers as _btimers
from nodenet_uv._internal import timers as _timers
from nodenet_uv._internal.async_generator import AsyncGenerator
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.testing import common


def test_import_paths() -> None:
    import nodenet_uv
    import nodenet_uv.timers.promises
    from nodenet_uv import timers
    from nodenet_uv.timers import TIMEOUT_MAX, Timeout, getTimerDuration, promises, setTimeout

    assert nodenet_uv.timers.promises is promises
    assert nodenet_uv.timers.promises.setTimeout is promises.setTimeout
    assert importlib.import_module("nodenet_uv.timers.promises") is promises
    assert timers.promises is promises
    assert "promises" in timers.__all__
    assert promises.__doc__ is not None
    assert promises.__doc__.startswith("Port of Node.js lib/timers/promises.js")
    # The callback API is unchanged by the package layout.
    assert setTimeout is timers.setTimeout is not promises.setTimeout
    assert TIMEOUT_MAX == 2**31 - 1 and Timeout is _timers.Timeout
    assert getTimerDuration(5, "msecs") == 5


def test_scheduler_names_and_this_checks() -> None:
    from nodenet_uv.timers.promises import Scheduler, scheduler

    with pytest.raises(TypeError) as info:
        Scheduler()
    common.check_error(
        info.value, {"code": "ERR_ILLEGAL_CONSTRUCTOR", "message": "Illegal constructor"}
    )
    # DIVERGENCE: `yield` is a keyword; both names are the same method.
    assert getattr(scheduler, "yield") == scheduler.yield_
    assert getattr(Scheduler, "yield") is Scheduler.yield_
    for call in (lambda: Scheduler.yield_(object()), lambda: Scheduler.wait(object(), 1)):
        with pytest.raises(TypeError) as info:
            call()
        common.check_error(
            info.value,
            {"code": "ERR_INVALID_THIS", "message": 'Value of "this" must be of type Scheduler'},
        )

    async def main() -> list[Any]:
        return [await getattr(scheduler, "yield")(), await scheduler.wait(1)]

    assert run(main()) == [None, None]


def test_keyword_options() -> None:
    from nodenet_uv.timers import promises

    ac = AbortController()

    async def main() -> list[Any]:
        got = [await promises.setTimeout(1, "a", signal=ac.signal, ref=True)]
        got.append(await promises.setImmediate("b", {"ref": True}, signal=ac.signal))
        async for value in promises.setInterval(1, "c", signal=ac.signal):
            got.append(value)
            break
        got.append(await promises.scheduler.wait(1, signal=ac.signal))
        # Keyword arguments do not hide bad options: validateObject still sees them.
        try:
            await promises.setTimeout(1, None, 1, ref=True)
        except errors.ERR_INVALID_ARG_TYPE as err:
            got.append(err.code)
        return got

    assert run(main()) == ["a", "b", "c", None, "ERR_INVALID_ARG_TYPE"]
    assert ac.signal.listenerCount("abort") == 0


def test_ref_false_timers_do_not_count() -> None:
    from nodenet_uv.timers import promises

    p1 = promises.setTimeout(10_000, None, {"ref": False})
    assert _timers.timeout_info[0] == 0
    p2 = promises.setImmediate(None, {"ref": False})
    assert _btimers.immediate_info["count"] == 1
    assert _btimers.immediate_info["ref_count"] == 0
    it = promises.setInterval(10_000, None, {"ref": False})
    it.next()
    assert _timers.timeout_info[0] == 0
    start = time.monotonic()
    run()  # nothing ref'ed: returns at once, nothing settled
    assert time.monotonic() - start < 1
    assert p1.state == p2.state == "pending"
    p3 = promises.setTimeout(1, None, {"ref": True})
    assert _timers.timeout_info[0] == 1
    run()
    assert p3.state == "fulfilled"


def test_abort_clears_the_timer_and_a_fired_timer_drops_its_listener() -> None:
    from nodenet_uv.timers import promises

    ac = AbortController()
    slow = promises.setTimeout(10_000, "slow", {"signal": ac.signal})
    late = promises.setImmediate("late", {"signal": ac.signal})
    interval = promises.setInterval(10_000, None, {"signal": ac.signal})
    pending = interval.next()  # starts the body: its timer and listener
    assert ac.signal.listenerCount("abort") == 3
    assert _timers.timeout_info[0] == 2
    ac.abort("stop")
    # Cleared at once: no ref'ed timer or immediate is left to wait for.
    assert _timers.timeout_info[0] == 0
    assert _btimers.immediate_info["count"] == 0
    outcomes: list[Any] = []
    for p in (slow, late, pending):
        p.then(None, lambda e: outcomes.append((e.code, e.cause)))
    start = time.monotonic()
    run()
    assert time.monotonic() - start < 1
    assert outcomes == [("ABORT_ERR", "stop")] * 3
    assert ac.signal.listenerCount("abort") == 0

    # A timer that fired removes its listener once its promise settled.
    ac2 = AbortController()
    fired = promises.setTimeout(1, "v", {"signal": ac2.signal})
    assert ac2.signal.listenerCount("abort") == 1
    run()
    assert fired.result() == "v"
    assert ac2.signal.listenerCount("abort") == 0
    ac2.abort()  # nothing left to reject


def test_async_generator_js_protocol() -> None:
    log: list[str] = []

    async def gen() -> Any:
        try:
            yield 1
            yield 2
        finally:
            log.append("finally")

    async def main() -> list[Any]:
        it = AsyncGenerator(gen())
        got = [await it.next(), await it.return_("r"), await it.next()]
        it2 = AsyncGenerator(gen())
        got.append(await it2.next())
        try:
            await it2.throw(ValueError("boom"))
        except ValueError as err:
            got.append(str(err))
        got.append(await it2.next())
        # return_() on a generator that never started does not run its body.
        got.append(await AsyncGenerator(gen()).return_())
        return got

    assert run(main()) == [
        {"value": 1, "done": False},
        {"value": "r", "done": True},
        {"value": None, "done": True},
        {"value": 1, "done": False},
        "boom",
        {"value": None, "done": True},
        {"value": None, "done": True},
    ]
    assert log == ["finally", "finally"]


def test_async_generator_for_await_return() -> None:
    log: list[str] = []

    async def gen(n: int) -> Any:
        try:
            for i in range(n):
                yield i
        finally:
            log.append(f"finally {n}")

    async def main() -> None:
        it = AsyncGenerator(gen(5), for_await_return=True)
        async for i in it:
            if i == 1:
                break
        # for await's return(): the generator's finally ran before the next line.
        assert log == ["finally 5"]
        assert await it.next() == {"value": None, "done": True}

        it = AsyncGenerator(gen(6), for_await_return=True)
        try:
            async for _ in it:
                raise KeyError("body")
        except KeyError:
            pass
        assert log == ["finally 5", "finally 6"]

        async for _ in AsyncGenerator(gen(2), for_await_return=True):
            pass
        assert log == ["finally 5", "finally 6", "finally 2"]

        # Off (the default): the loop leaves the generator alone.
        kept = AsyncGenerator(gen(3))
        async for _ in kept:
            break
        assert log == ["finally 5", "finally 6", "finally 2"]
        await kept.return_()
        assert log[-1] == "finally 3"

    run(main())


def test_async_generator_queues_requests() -> None:
    # A request made while another is pending waits for it (JS's AsyncGenerator queue).
    gate = Promise()

    async def gen() -> Any:
        await gate
        yield "first"
        yield "second"

    it = AsyncGenerator(gen())
    a = it.next()
    b = it.next()
    c = it.return_("end")
    gate.resolve_(None)
    run()
    assert [a.result(), b.result(), c.result()] == [
        {"value": "first", "done": False},
        {"value": "second", "done": False},
        {"value": "end", "done": True},
    ]


def test_closing_the_coroutine_of_an_interval_loop_clears_the_interval() -> None:
    # coro.close() leaves the async for early, as a break does: the interval is cleared
    # and nothing keeps the loop alive.
    from nodenet_uv._internal.promise import spawn
    from nodenet_uv.timers import promises
    from nodenet_uv.timers import setTimeout as set_timeout

    ticks: list[Any] = []

    async def loop() -> None:
        async for value in promises.setInterval(1, "tick"):
            ticks.append(value)

    coro = loop()
    spawn(coro)
    set_timeout(coro.close, 20)
    run()  # returns: a leaked interval would keep it running
    assert ticks and set(ticks) == {"tick"}
    assert _timers.timeout_info[0] == 0
