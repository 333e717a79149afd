"""Port of test/parallel/test-events-on-async-iterator.js (Node v24.12.0).

(Its v20-era predecessor was test-event-on-async-iterator.js.) The 18 blocks of the v24
file, each JS async function one test function; ``run().then(common.mustCall())`` is
``common.mustResolve(main())`` + ``run()`` per block. ``for await`` is ``async for`` in a
coroutine run by ``nodenet_uv.run``; ``iterable.return()`` is ``return_()``.

Translated, not left out:

* ``new EventTarget()`` / ``new Event('tick')`` (eventTarget, eventTargetAbortableOn*):
  nodenet_uv has no EventTarget (an AbortSignal is its only one), so these blocks use the
  small EventTarget below, written here: ``addEventListener``/``removeEventListener``/
  ``dispatchEvent`` (all that events.on touches), dispatching our abort_controller.Event.
* ``NodeEventTarget`` (internal/event_target, ``--expose-internals``): the same EventTarget
  plus the EventEmitter-style ``on``/``once``/``off``/``removeListener`` that Node's has;
  events.on then takes its EventEmitter path, as with Node's NodeEventTarget.
* ``ac.signal[kEvents].get('abort').size`` (abortListenerRemovedAfterComplete, internal
  storage): ``len(getEventListeners(ac.signal, 'abort'))``, the public API for the same
  list.
* ``signal: null`` (abortableOnBefore, eventTargetAbortableOnBefore): JS null is None, which
  is undefined here (docs/python-rules.md), i.e. "no signal"; the four other bad signals
  are checked.
* ``Promise.allSettled`` (nextError): built from ``then`` + ``Promise.all`` below.

invalidArgType's options loop (``on(ee, 'foo', options)`` throws ERR_INVALID_ARG_TYPE)
checks 1, 'hi', false and a function; ``null`` is None, i.e. undefined here (docs/python-rules.md), ``Symbol()`` has no Python value, and ``1n`` is the int 1.
"""

from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv.abort_controller import AbortController, AbortSignal, Event
from nodenet_uv.events import EventEmitter, getEventListeners, on
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval


class EventTarget:
    """``new EventTarget()``: the part of Node's EventTarget events.on uses (see above)."""

    def __init__(self) -> None:
        self._listeners: dict[str, list[tuple[Any, bool]]] = {}

    def addEventListener(self, type: str, listener: Any, options: Any = None) -> None:
        once = bool(options and options.get("once"))
        lst = self._listeners.setdefault(type, [])
        if all(fn != listener for fn, _ in lst):  # a listener added twice is added once
            lst.append((listener, once))

    def removeEventListener(self, type: str, listener: Any, options: Any = None) -> None:
        lst = self._listeners.get(type, [])
        for i, (fn, _) in enumerate(lst):
            if fn == listener:
                del lst[i]
                return

    def dispatchEvent(self, event: Event) -> bool:
        event.target = event.currentTarget = self
        for fn, once in list(self._listeners.get(event.type, ())):
            if once:
                self.removeEventListener(event.type, fn)
            fn(event)
        return True


class NodeEventTarget(EventTarget):
    """internal/event_target's NodeEventTarget: an EventTarget with EventEmitter methods."""

    def on(self, type: str, listener: Any) -> "NodeEventTarget":
        self.addEventListener(type, listener)
        return self

    addListener = on

    def once(self, type: str, listener: Any) -> "NodeEventTarget":
        self.addEventListener(type, listener, {"once": True})
        return self

    def off(self, type: str, listener: Any) -> "NodeEventTarget":
        self.removeEventListener(type, listener)
        return self

    removeListener = off


def _all_settled(promises: list[Promise]) -> Promise:
    """Promise.allSettled."""
    return Promise.all(
        [
            p.then(
                lambda value: {"status": "fulfilled", "value": value},
                lambda reason: {"status": "rejected", "reason": reason},
            )
            for p in promises
        ]
    )


def test_basic() -> None:
    async def basic():
        ee = EventEmitter()

        def later():
            ee.emit("foo", "bar")
            # 'bar' is a spurious event, we are testing
            # that it does not show up in the iterable
            ee.emit("bar", 24)
            ee.emit("foo", 42)

        process.nextTick(later)

        iterable = on(ee, "foo")

        expected = [["bar"], [42]]

        async for event in iterable:
            current = expected.pop(0)

            assert current == event

            if len(expected) == 0:
                break
        assert ee.listenerCount("foo") == 0
        assert ee.listenerCount("error") == 0

    common.mustResolve(basic())
    run()


def test_invalid_arg_type() -> None:
    async def invalidArgType():
        with pytest.raises(Exception) as info:
            on({}, "foo")
        common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

        ee = EventEmitter()

        for options in [1, "hi", False, lambda: None, 1]:
            with pytest.raises(Exception) as info:
                on(ee, "foo", options)
            common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    common.mustResolve(invalidArgType())
    run()


def test_error() -> None:
    async def error():
        ee = EventEmitter()
        _err = Exception("kaboom")
        process.nextTick(lambda: ee.emit("error", _err))

        iterable = on(ee, "foo")
        looped = False
        thrown = False

        try:
            async for _event in iterable:
                looped = True
        except Exception as err:
            thrown = True
            assert err is _err
        assert thrown is True
        assert looped is False

    common.mustResolve(error())
    run()


def test_error_delayed() -> None:
    async def errorDelayed():
        ee = EventEmitter()
        _err = Exception("kaboom")

        def later():
            ee.emit("foo", 42)
            ee.emit("error", _err)

        process.nextTick(later)

        iterable = on(ee, "foo")
        expected = [[42]]
        thrown = False

        try:
            async for event in iterable:
                current = expected.pop(0)
                assert current == event
        except Exception as err:
            thrown = True
            assert err is _err
        assert thrown is True
        assert ee.listenerCount("foo") == 0
        assert ee.listenerCount("error") == 0

    common.mustResolve(errorDelayed())
    run()


def test_throw_in_loop() -> None:
    async def throwInLoop():
        ee = EventEmitter()
        _err = Exception("kaboom")

        process.nextTick(lambda: ee.emit("foo", 42))

        try:
            async for event in on(ee, "foo"):
                assert event == [42]
                raise _err
        except Exception as err:
            assert err is _err

        assert ee.listenerCount("foo") == 0
        assert ee.listenerCount("error") == 0

    common.mustResolve(throwInLoop())
    run()


def test_next() -> None:
    async def next_():
        ee = EventEmitter()
        iterable = on(ee, "foo")

        def later():
            ee.emit("foo", "bar")
            ee.emit("foo", 42)
            iterable.return_()

        process.nextTick(later)

        results = await Promise.all(
            [
                iterable.next(),
                iterable.next(),
                iterable.next(),
            ]
        )

        assert results == [
            {"value": ["bar"], "done": False},
            {"value": [42], "done": False},
            {"value": None, "done": True},
        ]

        assert await iterable.next() == {"value": None, "done": True}

    common.mustResolve(next_())
    run()


def test_next_error() -> None:
    async def nextError():
        ee = EventEmitter()
        iterable = on(ee, "foo")
        _err = Exception("kaboom")
        process.nextTick(lambda: ee.emit("error", _err))
        results = await _all_settled(
            [
                iterable.next(),
                iterable.next(),
                iterable.next(),
            ]
        )
        assert results == [
            {"status": "rejected", "reason": _err},
            {"status": "fulfilled", "value": {"value": None, "done": True}},
            {"status": "fulfilled", "value": {"value": None, "done": True}},
        ]
        assert len(ee.listeners("error")) == 0

    common.mustResolve(nextError())
    run()


def test_iterable_throw() -> None:
    async def iterableThrow():
        ee = EventEmitter()
        iterable = on(ee, "foo")

        def later():
            ee.emit("foo", "bar")
            ee.emit("foo", 42)  # lost in the queue
            iterable.throw(_err)

        process.nextTick(later)

        _err = Exception("kaboom")
        thrown = False

        with pytest.raises(Exception) as info:
            # No argument
            iterable.throw()
        common.check_error(
            info.value,
            {
                "message": 'The "EventEmitter.AsyncIterator" property must be'
                " an instance of Error. Received undefined",
                "name": "TypeError",
            },
        )

        expected = [["bar"], [42]]

        try:
            async for event in iterable:
                assert event == expected.pop(0)
        except Exception as err:
            thrown = True
            assert err is _err
        assert thrown is True
        assert len(expected) == 0
        assert ee.listenerCount("foo") == 0
        assert ee.listenerCount("error") == 0

    common.mustResolve(iterableThrow())
    run()


def test_event_target() -> None:
    async def eventTarget():
        et = EventTarget()
        interval = setInterval(lambda: et.dispatchEvent(Event("tick")), 0)
        count = 0
        async for [event] in on(et, "tick"):
            count += 1
            assert event.type == "tick"
            if count >= 5:
                break
        assert count == 5
        clearInterval(interval)

    common.mustResolve(eventTarget())
    run()


def test_error_listener_count() -> None:
    async def errorListenerCount():
        et = EventEmitter()
        on(et, "foo")
        assert et.listenerCount("error") == 1

    common.mustResolve(errorListenerCount())
    run()


def test_node_event_target() -> None:
    async def nodeEventTarget():
        et = NodeEventTarget()
        interval = setInterval(lambda: et.dispatchEvent(Event("tick")), 0)
        count = 0
        async for [event] in on(et, "tick"):
            count += 1
            assert event.type == "tick"
            if count >= 5:
                break
        assert count == 5
        clearInterval(interval)

    common.mustResolve(nodeEventTarget())
    run()


def test_abortable_on_before() -> None:
    async def abortableOnBefore():
        ee = EventEmitter()
        abortedSignal = AbortSignal.abort()
        for signal in [1, {}, False, "hi"]:  # JS null: see the docstring
            with pytest.raises(Exception) as info:
                on(ee, "foo", {"signal": signal})
            common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})
        with pytest.raises(Exception) as info:
            on(ee, "foo", {"signal": abortedSignal})
        common.check_error(info.value, {"name": "AbortError"})

    common.mustResolve(abortableOnBefore())
    run()


def test_event_target_abortable_on_before() -> None:
    async def eventTargetAbortableOnBefore():
        et = EventTarget()
        abortedSignal = AbortSignal.abort()
        for signal in [1, {}, False, "hi"]:  # JS null: see the docstring
            with pytest.raises(Exception) as info:
                on(et, "foo", {"signal": signal})
            common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})
        with pytest.raises(Exception) as info:
            on(et, "foo", {"signal": abortedSignal})
        common.check_error(info.value, {"name": "AbortError"})

    common.mustResolve(eventTargetAbortableOnBefore())
    run()


def test_abortable_on_after() -> None:
    async def abortableOnAfter():
        ee = EventEmitter()
        ac = AbortController()

        i = setInterval(lambda: ee.emit("foo", "foo"), 10)

        async def foo():
            async for f in on(ee, "foo", {"signal": ac.signal}):
                assert f == "foo"

        def check(error):
            assert error.name == "AbortError"

        spawn(foo()).catch(common.mustCall(check)).finally_(lambda: clearInterval(i))

        process.nextTick(lambda: ac.abort())

    common.mustResolve(abortableOnAfter())
    run()


def test_event_target_abortable_on_after() -> None:
    async def eventTargetAbortableOnAfter():
        et = EventTarget()
        ac = AbortController()

        i = setInterval(lambda: et.dispatchEvent(Event("foo")), 10)

        async def foo():
            async for f in on(et, "foo", {"signal": ac.signal}):
                assert f

        def check(error):
            assert error.name == "AbortError"

        spawn(foo()).catch(common.mustCall(check)).finally_(lambda: clearInterval(i))

        process.nextTick(lambda: ac.abort())

    common.mustResolve(eventTargetAbortableOnAfter())
    run()


def test_event_target_abortable_on_after2() -> None:
    async def eventTargetAbortableOnAfter2():
        et = EventTarget()
        ac = AbortController()

        i = setInterval(lambda: et.dispatchEvent(Event("foo")), 10)

        async def foo():
            async for f in on(et, "foo", {"signal": ac.signal}):
                assert f
                # Cancel after a single event has been triggered.
                ac.abort()

        def check(error):
            assert error.name == "AbortError"

        spawn(foo()).catch(common.mustCall(check)).finally_(lambda: clearInterval(i))

    common.mustResolve(eventTargetAbortableOnAfter2())
    run()


def test_abortable_on_after_done() -> None:
    async def abortableOnAfterDone():
        ee = EventEmitter()
        ac = AbortController()

        i = setInterval(lambda: ee.emit("foo", "foo"), 1)
        count = 0

        async def foo():
            nonlocal count
            async for f in on(ee, "foo", {"signal": ac.signal}):
                assert f[0] == "foo"
                count += 1
                if count == 5:
                    break
            ac.abort()  # No error will occur

        spawn(foo()).finally_(lambda: clearInterval(i))

    common.mustResolve(abortableOnAfterDone())
    run()


def test_abort_listener_removed_after_complete() -> None:
    async def abortListenerRemovedAfterComplete():
        ee = EventEmitter()
        ac = AbortController()

        def abort_listeners() -> int:
            return len(getEventListeners(ac.signal, "abort"))

        i = setInterval(lambda: ee.emit("foo", "foo"), 1)
        try:
            # Below: either the kEvents map is empty or the 'abort' listener list is empty

            # Return case
            endedIterator = on(ee, "foo", {"signal": ac.signal})
            assert abort_listeners() > 0
            endedIterator.return_()
            assert abort_listeners() == 0

            # Throw case
            throwIterator = on(ee, "foo", {"signal": ac.signal})
            assert abort_listeners() > 0
            throwIterator.throw(Exception())
            assert abort_listeners() == 0

            # Abort case
            on(ee, "foo", {"signal": ac.signal})
            assert abort_listeners() > 0
            ac.abort(Exception())
            assert abort_listeners() == 0
        finally:
            clearInterval(i)

    common.mustResolve(abortListenerRemovedAfterComplete())
    run()
