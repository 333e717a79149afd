"""events.on: the Python side of the iterator (Node's behaviour is checked by the port
tests/node/parallel/test-event-on-async-iterator.py and the differential scenario
``events_on_iterator`` in tests/differential/test_runtime_orders.py)."""

from __future__ import annotations

from contextlib import aclosing
from typing import Any

import pytest

from nodenet_uv import errors, events, run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.events import EventEmitter


def test_anext_and_aclose() -> None:
    async def main() -> list[Any]:
        ee = EventEmitter()
        it = events.on(ee, "foo")
        next_tick(lambda: ee.emit("foo", 1, 2))
        first = await it.__anext__()
        await it.aclose()
        assert ee.listenerCount("foo") == 0
        with pytest.raises(StopAsyncIteration):
            await it.__anext__()
        return first

    assert run(main()) == [1, 2]


def test_aclosing_and_keyword_options() -> None:
    class Pausable(EventEmitter):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[str] = []

        def pause(self) -> None:
            self.calls.append("pause")

        def resume(self) -> None:
            self.calls.append("resume")

    async def main() -> list[Any]:
        ee = Pausable()
        got = []
        async with aclosing(events.on(ee, "v", high_water_mark=1, close=["end"])) as it:
            for i in range(3):
                ee.emit("v", i)
            assert ee.calls == ["pause"]
            wm = getattr(it, events.kWatermarkData)
            assert (wm.size, wm.high, wm.low, wm.is_paused) == (3, 1, 1, True)
            async for v in it:
                got.append(v)
                if len(got) == 3:
                    break
        assert ee.calls == ["pause", "resume"]
        assert ee.listenerCount("v") == ee.listenerCount("end") == ee.listenerCount("error") == 0
        return got

    assert run(main()) == [[0], [1], [2]]


def test_first_event_param() -> None:
    async def main() -> list[Any]:
        ee = EventEmitter()
        it = events.on(ee, "foo", {events.kFirstEventParam: True})
        ee.emit("foo", "a", "b")
        ee.emit("foo")
        return [(await it.next())["value"], (await it.next())["value"]]

    assert run(main()) == ["a", None]


def test_loop_left_early_on_a_named_iterator_returns() -> None:
    # JS for-await calls return() on break even when the iterator is also held elsewhere.
    async def main() -> None:
        ee = EventEmitter()
        it = events.on(ee, "foo")
        next_tick(lambda: ee.emit("foo", 1))
        async for _ in it:
            break
        assert ee.listenerCount("foo") == 0
        assert await it.next() == {"value": None, "done": True}

    run(main())


def test_bad_options() -> None:
    ee = EventEmitter()
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        events.on(ee, "foo", {"highWaterMark": 0})
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        events.on(ee, "foo", lowWatermark="1")
    assert ee.listenerCount("foo") == 0


def test_closing_the_coroutine_of_a_loop_returns_the_iterator() -> None:
    # coro.close() leaves the async for early, as a break does: no listener stays behind,
    # and the promise it awaited settles quietly (nothing resumes a closed coroutine).
    from nodenet_uv._internal.promise import spawn

    ee = EventEmitter()
    seen: list[Any] = []

    async def waiter() -> None:
        async for args in events.on(ee, "foo"):
            seen.append(args)

    coro = waiter()
    spawn(coro)
    ee.emit("foo", 1)
    run()
    assert (ee.listenerCount("foo"), ee.listenerCount("error")) == (1, 1)
    coro.close()
    assert (ee.listenerCount("foo"), ee.listenerCount("error")) == (0, 0)
    ee.emit("foo", 2)
    run()
    assert seen == [[1]]


def test_close_option_is_read_as_js_reads_it() -> None:
    # options.close[i] for i < options.close.length: a string's characters are event
    # names (as in JS); a set has no indices and is ignored (as JS ignores a Set).
    ee = EventEmitter()
    events.on(ee, "foo", {"close": "end"})
    assert [ee.listenerCount(n) for n in ("e", "n", "d", "end")] == [1, 1, 1, 0]
    ee2 = EventEmitter()
    events.on(ee2, "foo", close={"end"})
    assert ee2.listenerCount("end") == 0 and ee2.listenerCount("foo") == 1
