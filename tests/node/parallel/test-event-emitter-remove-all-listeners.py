"""Port of test/parallel/test-event-emitter-remove-all-listeners.js.

The process 'exit' checks of ``expect()`` run at the end of each test function.
"""

from nodenet_uv import events
from nodenet_uv.testing import common

_exit_checks = []


def expect(expected):
    actual = []

    def check():
        assert sorted(actual) == sorted(expected)

    _exit_checks.append(check)

    def listener(name):
        actual.append(name)

    return common.mustCall(listener, len(expected))


def run_exit_checks():
    checks = list(_exit_checks)
    _exit_checks.clear()
    for check in checks:
        check()


def test_remove_all_for_one_event() -> None:
    ee = events.EventEmitter()
    noop = common.mustNotCall()
    ee.on("foo", noop)
    ee.on("bar", noop)
    ee.on("baz", noop)
    ee.on("baz", noop)
    fooListeners = ee.listeners("foo")
    barListeners = ee.listeners("bar")
    bazListeners = ee.listeners("baz")
    ee.on("removeListener", expect(["bar", "baz", "baz"]))
    ee.removeAllListeners("bar")
    ee.removeAllListeners("baz")
    assert ee.listeners("foo") == [noop]
    assert ee.listeners("bar") == []
    assert ee.listeners("baz") == []
    # After calling removeAllListeners(),
    # the old listeners array should stay unchanged.
    assert fooListeners == [noop]
    assert barListeners == [noop]
    assert bazListeners == [noop, noop]
    # After calling removeAllListeners(),
    # new listeners arrays is different from the old.
    assert ee.listeners("bar") is not barListeners
    assert ee.listeners("baz") is not bazListeners
    run_exit_checks()


def test_remove_all() -> None:
    ee = events.EventEmitter()
    ee.on("foo", common.mustNotCall())
    ee.on("bar", common.mustNotCall())
    # Expect LIFO order
    ee.on("removeListener", expect(["foo", "bar", "removeListener"]))
    ee.on("removeListener", expect(["foo", "bar"]))
    ee.removeAllListeners()
    assert ee.listeners("foo") == []
    assert ee.listeners("bar") == []
    run_exit_checks()


def test_remove_all_for_event_without_listeners() -> None:
    ee = events.EventEmitter()
    ee.on("removeListener", common.mustNotCall())
    # Check for regression where removeAllListeners() throws when
    # there exists a 'removeListener' listener, but there exists
    # no listeners for the provided event type.
    ee.removeAllListeners("foo")  # Node only binds it: ee.removeAllListeners.bind(ee, 'foo')


def test_remove_listener_sees_remaining_listeners() -> None:
    ee = events.EventEmitter()
    expectLength = 2

    def on_remove(name, noop):
        nonlocal expectLength
        assert expectLength == len(ee.listeners("baz"))
        expectLength -= 1

    ee.on("removeListener", on_remove)
    ee.on("baz", common.mustNotCall())
    ee.on("baz", common.mustNotCall())
    ee.on("baz", common.mustNotCall())
    assert len(ee.listeners("baz")) == expectLength + 1
    ee.removeAllListeners("baz")
    assert len(ee.listeners("baz")) == 0


def test_returns_emitter() -> None:
    ee = events.EventEmitter()
    assert ee is ee.removeAllListeners()


def test_events_undefined() -> None:
    ee = events.EventEmitter()
    ee._events = None  # ee._events = undefined
    assert ee is ee.removeAllListeners()


def test_symbol() -> None:
    ee = events.EventEmitter()
    symbol = events.Symbol("symbol")
    noop = common.mustNotCall()
    ee.on(symbol, noop)

    def on_remove(*args):
        assert list(args) == [symbol, noop]

    ee.on("removeListener", common.mustCall(on_remove))

    ee.removeAllListeners()
