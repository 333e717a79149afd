"""Port of test/parallel/test-event-emitter-modify-in-emit.js."""

from nodenet_uv import events


def test_modify_in_emit() -> None:
    callbacks_called = []

    e = events.EventEmitter()

    def callback1():
        callbacks_called.append("callback1")
        e.on("foo", callback2)
        e.on("foo", callback3)
        e.removeListener("foo", callback1)

    def callback2():
        callbacks_called.append("callback2")
        e.removeListener("foo", callback2)

    def callback3():
        callbacks_called.append("callback3")
        e.removeListener("foo", callback3)

    e.on("foo", callback1)
    assert len(e.listeners("foo")) == 1

    e.emit("foo")
    assert len(e.listeners("foo")) == 2
    assert callbacks_called == ["callback1"]

    e.emit("foo")
    assert len(e.listeners("foo")) == 0
    assert callbacks_called == ["callback1", "callback2", "callback3"]

    e.emit("foo")
    assert len(e.listeners("foo")) == 0
    assert callbacks_called == ["callback1", "callback2", "callback3"]

    e.on("foo", callback1)
    e.on("foo", callback2)
    assert len(e.listeners("foo")) == 2
    e.removeAllListeners("foo")
    assert len(e.listeners("foo")) == 0

    # Verify that removing callbacks while in emit allows emits to propagate to
    # all listeners
    callbacks_called.clear()

    e.on("foo", callback2)
    e.on("foo", callback3)
    assert len(e.listeners("foo")) == 2
    e.emit("foo")
    assert callbacks_called == ["callback2", "callback3"]
    assert len(e.listeners("foo")) == 0
