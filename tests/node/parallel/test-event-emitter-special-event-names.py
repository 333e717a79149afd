"""Port of test/parallel/test-event-emitter-special-event-names.js."""

from nodenet_uv import process, run
from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


def test_special_event_names() -> None:
    ee = EventEmitter()

    def handler():
        pass

    assert ee.eventNames() == []

    # ee._events.hasOwnProperty / toString are undefined: no inherited keys.
    assert "hasOwnProperty" not in ee._events
    assert "toString" not in ee._events

    ee.on("__proto__", handler)
    ee.on("__defineGetter__", handler)
    ee.on("toString", handler)

    assert ee.eventNames() == ["__proto__", "__defineGetter__", "toString"]

    assert ee.listeners("__proto__") == [handler]
    assert ee.listeners("__defineGetter__") == [handler]
    assert ee.listeners("toString") == [handler]

    def check(val):
        assert val == 1

    ee.on("__proto__", common.mustCall(check))
    ee.emit("__proto__", 1)

    process.on("__proto__", common.mustCall(check))
    process.emit("__proto__", 1)
    run()
