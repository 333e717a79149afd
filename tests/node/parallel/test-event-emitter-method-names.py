"""Port of test/parallel/test-event-emitter-method-names.js.

``Object.getOwnPropertyNames(EventEmitter.prototype)`` is Node's list of prototype
methods; the Python class also has pyee's methods and the snake_case twins, so the
check walks Node's names.
"""

from nodenet_uv import events

# Object.getOwnPropertyNames(EventEmitter.prototype), functions only (Node v20).
NODE_PROTOTYPE_METHODS = [
    "constructor",
    "setMaxListeners",
    "getMaxListeners",
    "emit",
    "addListener",
    "on",
    "prependListener",
    "once",
    "prependOnceListener",
    "removeListener",
    "off",
    "removeAllListeners",
    "listeners",
    "rawListeners",
    "listenerCount",
    "eventNames",
]


def test_method_names() -> None:
    E = events.EventEmitter
    assert E.__name__ == "EventEmitter"  # E.constructor.name
    assert E.on is E.addListener  # Same method.
    assert E.off is E.removeListener  # Same method.
    for name in NODE_PROTOTYPE_METHODS:
        if name in ("constructor", "on", "off"):
            continue
        assert callable(getattr(E, name))
        assert getattr(E, name).__name__ == name
