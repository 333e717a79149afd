"""Port of test/parallel/test-event-emitter-add-listeners.js."""

from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


def _fail(*args):
    raise AssertionError("assert.fail")


def test_new_listener_sees_events_and_listeners() -> None:
    ee = EventEmitter()
    events_new_listener_emitted = []
    listeners_new_listener_emitted = []

    # Sanity check
    assert ee.addListener == ee.on
    assert EventEmitter.addListener is EventEmitter.on

    def on_new_listener(event, listener):
        # Don't track newListener listeners.
        if event == "newListener":
            return
        events_new_listener_emitted.append(event)
        listeners_new_listener_emitted.append(listener)

    ee.on("newListener", on_new_listener)

    def _hello(a, b):
        assert a == "a"
        assert b == "b"

    hello = common.mustCall(_hello)

    def once_new_listener(name, listener):
        assert name == "hello"
        assert listener is hello
        assert ee.listeners("hello") == []

    ee.once("newListener", once_new_listener)

    ee.on("hello", hello)
    ee.once("foo", _fail)
    assert events_new_listener_emitted == ["hello", "foo"]
    assert listeners_new_listener_emitted == [hello, _fail]

    ee.emit("hello", "a", "b")


def test_set_max_listeners_zero() -> None:
    # Just make sure that this doesn't throw:
    f = EventEmitter()
    f.setMaxListeners(0)


def test_listener_added_from_new_listener_comes_first() -> None:
    def listen1():
        pass

    def listen2():
        pass

    ee = EventEmitter()

    def first():
        assert ee.listeners("hello") == []

        def second():
            assert ee.listeners("hello") == []

        ee.once("newListener", second)
        ee.on("hello", listen2)

    ee.once("newListener", first)
    ee.on("hello", listen1)
    # The order of listeners on an event is not always the order in which the
    # listeners were added.
    assert ee.listeners("hello") == [listen2, listen1]
