"""Port of test/parallel/test-timers-promises-scheduler.js.

The four async functions run together, as in the JS file (testYield's order against the
queueMicrotask matters). ``scheduler.yield()`` is ``scheduler.yield_()`` (``yield`` is a
Python keyword; ``getattr(scheduler, 'yield')`` is the same method).
"""

from __future__ import annotations

import pytest

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.process import process, queueMicrotask
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout
from nodenet_uv.timers.promises import scheduler


def test_scheduler() -> None:
    async def testYield() -> None:
        await scheduler.yield_()
        process.emit("foo")

    common.mustResolve(testYield())
    queueMicrotask(common.mustCall(lambda: process.addListener("foo", common.mustCall())))

    async def testWait() -> None:
        value = 0

        def inc() -> None:
            nonlocal value
            value += 1

        setTimeout(inc, 10)
        await scheduler.wait(15)
        assert value == 1

    common.mustResolve(testWait())

    async def testCancelableWait1() -> None:
        ac = AbortController()
        wait = scheduler.wait(1e6, {"signal": ac.signal})
        ac.abort()
        await common.rejects(wait, {"code": "ABORT_ERR", "message": "The operation was aborted"})

    common.mustResolve(testCancelableWait1())

    async def testCancelableWait2() -> None:
        wait = scheduler.wait(10000, {"signal": AbortSignal.abort()})
        await common.rejects(wait, {"code": "ABORT_ERR", "message": "The operation was aborted"})

    common.mustResolve(testCancelableWait2())
    run()


def test_scheduler_constructor_is_illegal() -> None:
    with pytest.raises(Exception) as info:
        type(scheduler)()  # new scheduler.constructor()
    common.check_error(info.value, {"code": "ERR_ILLEGAL_CONSTRUCTOR"})
