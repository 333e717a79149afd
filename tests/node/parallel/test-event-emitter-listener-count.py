"""Port of test/parallel/test-event-emitter-listener-count.js."""

from nodenet_uv import events
from nodenet_uv.events import EventEmitter


def test_listener_count() -> None:
    emitter = EventEmitter()
    emitter.on("foo", lambda: None)
    emitter.on("foo", lambda: None)
    emitter.on("baz", lambda: None)
    # Allow any type
    emitter.on(123, lambda: None)

    assert events.listenerCount(emitter, "foo") == 2  # EventEmitter.listenerCount(...)
    assert EventEmitter.listenerCount(emitter, "foo") == 2
    assert emitter.listenerCount("foo") == 2
    assert emitter.listenerCount("bar") == 0
    assert emitter.listenerCount("baz") == 1
    assert emitter.listenerCount(123) == 1
