"""Port of test/parallel/test-event-emitter-listeners.js."""

from nodenet_uv import events


def listener():
    pass


def listener2():
    pass


def listener3():
    return 0


def listener4():
    return 1


def test_listeners_copy_after_remove_all() -> None:
    ee = events.EventEmitter()
    ee.on("foo", listener)
    fooListeners = ee.listeners("foo")
    assert ee.listeners("foo") == [listener]
    ee.removeAllListeners("foo")
    assert ee.listeners("foo") == []
    assert fooListeners == [listener]


def test_listeners_returns_a_copy() -> None:
    ee = events.EventEmitter()
    ee.on("foo", listener)
    eeListenersCopy = ee.listeners("foo")
    assert eeListenersCopy == [listener]
    assert ee.listeners("foo") == [listener]
    eeListenersCopy.append(listener2)
    assert ee.listeners("foo") == [listener]
    assert eeListenersCopy == [listener, listener2]


def test_copy_not_changed_by_on() -> None:
    ee = events.EventEmitter()
    ee.on("foo", listener)
    eeListenersCopy = ee.listeners("foo")
    ee.on("foo", listener2)
    assert ee.listeners("foo") == [listener, listener2]
    assert eeListenersCopy == [listener]


def test_once_listener_unwrapped() -> None:
    ee = events.EventEmitter()
    ee.once("foo", listener)
    assert ee.listeners("foo") == [listener]


def test_on_and_once() -> None:
    ee = events.EventEmitter()
    ee.on("foo", listener)
    ee.once("foo", listener2)
    assert ee.listeners("foo") == [listener, listener2]


def test_events_undefined() -> None:
    ee = events.EventEmitter()
    ee._events = None  # ee._events = undefined
    assert ee.listeners("foo") == []


def test_listeners_without_a_name() -> None:
    ee = events.EventEmitter()
    assert ee.listeners() == []


def test_subclass() -> None:
    class TestStream(events.EventEmitter):
        pass

    s = TestStream()
    assert s.listeners("foo") == []


def test_raw_listeners() -> None:
    ee = events.EventEmitter()
    ee.on("foo", listener)
    wrappedListener = ee.rawListeners("foo")
    assert len(wrappedListener) == 1
    assert wrappedListener[0] is listener
    assert wrappedListener is not ee.rawListeners("foo")
    ee.once("foo", listener)
    wrappedListeners = ee.rawListeners("foo")
    assert len(wrappedListeners) == 2
    assert wrappedListeners[0] is listener
    assert wrappedListeners[1] is not listener
    assert wrappedListeners[1].listener is listener
    assert wrappedListeners is not ee.rawListeners("foo")
    ee.emit("foo")
    assert len(wrappedListeners) == 2
    assert wrappedListeners[1].listener is listener


def test_raw_listeners_call_once_wrapper() -> None:
    ee = events.EventEmitter()
    ee.once("foo", listener3)
    ee.on("foo", listener4)
    rawListeners = ee.rawListeners("foo")
    assert len(rawListeners) == 2
    assert rawListeners[0]() == 0
    rawListener = ee.rawListeners("foo")
    assert len(rawListener) == 1
    assert rawListener[0]() == 1
