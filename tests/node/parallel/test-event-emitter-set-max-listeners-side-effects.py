"""Port of test/parallel/test-event-emitter-set-max-listeners-side-effects.js."""

from nodenet_uv import events


def test_set_max_listeners_side_effects() -> None:
    e = events.EventEmitter()

    assert type(e._events) is dict  # JS: a null-prototype object
    assert list(e._events) == []
    e.setMaxListeners(5)
    assert list(e._events) == []
