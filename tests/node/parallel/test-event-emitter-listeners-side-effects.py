"""Port of test/parallel/test-event-emitter-listeners-side-effects.js.

Node's ``e._events`` holds a lone listener as the function itself and two or more as an
array; ours holds a tuple of ``(call, arg limit, raw listener)`` entries per event (see
events.py), so the ``_events`` checks read the raw listeners of those entries.
"""

from nodenet_uv.events import EventEmitter


def _fail(*args):
    raise AssertionError("assert.fail")


def _ok(*args):
    pass


def raw(e, name):
    return [entry[2] for entry in e._events[name]]


def test_listeners_side_effects() -> None:
    e = EventEmitter()

    fl = e.listeners("foo")
    assert isinstance(fl, list)
    assert len(fl) == 0
    assert type(e._events) is dict  # JS: a null-prototype object
    assert list(e._events) == []

    e.on("foo", _fail)
    fl = e.listeners("foo")
    assert raw(e, "foo") == [_fail]
    assert isinstance(fl, list)
    assert len(fl) == 1
    assert fl[0] is _fail

    e.listeners("bar")

    e.on("foo", _ok)
    fl = e.listeners("foo")

    assert len(e._events["foo"]) == 2
    assert raw(e, "foo")[0] is _fail
    assert raw(e, "foo")[1] is _ok

    assert isinstance(fl, list)
    assert len(fl) == 2
    assert fl[0] is _fail
    assert fl[1] is _ok
    # console.log('ok'): nothing else is checked.
