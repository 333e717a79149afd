"""Port of test/parallel/test-event-emitter-remove-listeners.js.

``ee._events.foo === listener2`` (Node collapses a one-listener array back to the
function) reads: the event's entries hold exactly that listener (see events.py).
"""

from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


def listener1():
    pass


def listener2():
    pass


def test_remove_emits_remove_listener() -> None:
    ee = EventEmitter()
    ee.on("hello", listener1)

    def on_remove(name, cb):
        assert name == "hello"
        assert cb is listener1

    ee.on("removeListener", common.mustCall(on_remove))
    ee.removeListener("hello", listener1)
    assert ee.listeners("hello") == []


def test_remove_unknown_listener() -> None:
    ee = EventEmitter()
    ee.on("hello", listener1)
    ee.on("removeListener", common.mustNotCall())
    ee.removeListener("hello", listener2)
    assert ee.listeners("hello") == [listener1]


def test_remove_one_then_the_other() -> None:
    ee = EventEmitter()
    ee.on("hello", listener1)
    ee.on("hello", listener2)

    def first(name, cb):
        assert name == "hello"
        assert cb is listener1
        assert ee.listeners("hello") == [listener2]

    ee.once("removeListener", common.mustCall(first))
    ee.removeListener("hello", listener1)
    assert ee.listeners("hello") == [listener2]

    def second(name, cb):
        assert name == "hello"
        assert cb is listener2
        assert ee.listeners("hello") == []

    ee.once("removeListener", common.mustCall(second))
    ee.removeListener("hello", listener2)
    assert ee.listeners("hello") == []


def test_remove_listener_removes_and_emits() -> None:
    ee = EventEmitter()

    def remove1():
        raise AssertionError("remove1 should not have been called")

    def remove2():
        raise AssertionError("remove2 should not have been called")

    def on_remove(name, cb):
        if cb is not remove1:
            return
        ee.removeListener("quux", remove2)
        ee.emit("quux")

    ee.on("removeListener", common.mustCall(on_remove, 2))
    ee.on("quux", remove1)
    ee.on("quux", remove2)
    ee.removeListener("quux", remove1)


def test_nested_remove_in_remove_listener() -> None:
    ee = EventEmitter()
    ee.on("hello", listener1)
    ee.on("hello", listener2)

    def first(name, cb):
        assert name == "hello"
        assert cb is listener1
        assert ee.listeners("hello") == [listener2]

        def second(name, cb):
            assert name == "hello"
            assert cb is listener2
            assert ee.listeners("hello") == []

        ee.once("removeListener", common.mustCall(second))
        ee.removeListener("hello", listener2)
        assert ee.listeners("hello") == []

    ee.once("removeListener", common.mustCall(first))
    ee.removeListener("hello", listener1)
    assert ee.listeners("hello") == []


def test_removed_listener_still_called_in_current_emit() -> None:
    ee = EventEmitter()
    listener4 = common.mustCall()
    listener3 = common.mustCall(lambda: ee.removeListener("hello", listener4), 2)

    ee.on("hello", listener3)
    ee.on("hello", listener4)

    # listener4 will still be called although it is removed by listener 3.
    ee.emit("hello")
    # This is so because the internal listener array at time of emit
    # was [listener3,listener4]

    # Internal listener array [listener3]
    ee.emit("hello")


def test_once_listener_removed_on_emit() -> None:
    ee = EventEmitter()

    ee.once("hello", listener1)

    def on_remove(eventName, listener):
        assert eventName == "hello"
        assert listener is listener1

    ee.on("removeListener", common.mustCall(on_remove))
    ee.emit("hello")


def test_returns_emitter() -> None:
    ee = EventEmitter()
    assert ee is ee.removeListener("foo", lambda: None)


def test_events_undefined() -> None:
    ee = EventEmitter()

    def listener():
        pass

    ee._events = None  # ee._events = undefined
    e = ee.removeListener("foo", listener)
    assert e is ee


def test_remaining_listener_and_order() -> None:
    ee = EventEmitter()

    ee.on("foo", listener1)
    ee.on("foo", listener2)
    assert ee.listeners("foo") == [listener1, listener2]

    ee.removeListener("foo", listener1)
    assert [entry[2] for entry in ee._events["foo"]] == [listener2]

    ee.on("foo", listener1)
    assert ee.listeners("foo") == [listener2, listener1]

    ee.removeListener("foo", listener1)
    assert [entry[2] for entry in ee._events["foo"]] == [listener2]
