"""Port of test/parallel/test-event-emitter-get-max-listeners.js."""

import types

from nodenet_uv.events import EventEmitter


def test_get_max_listeners() -> None:
    emitter = EventEmitter()

    assert emitter.getMaxListeners() == EventEmitter.defaultMaxListeners

    emitter.setMaxListeners(0)
    assert emitter.getMaxListeners() == 0

    emitter.setMaxListeners(3)
    assert emitter.getMaxListeners() == 3

    # https://github.com/nodejs/node/issues/523 - second call should not throw.
    recv = types.SimpleNamespace()  # JS: {}
    EventEmitter.on(recv, "event", lambda: None)  # EventEmitter.prototype.on.call(recv, ...)
    EventEmitter.on(recv, "event", lambda: None)
