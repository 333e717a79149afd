"""Port of test/parallel/test-event-emitter-symbols.js."""

from nodenet_uv import events
from nodenet_uv.testing import common


def test_symbols() -> None:
    ee = events.EventEmitter()
    foo = events.Symbol("foo")
    listener = common.mustCall()

    ee.on(foo, listener)
    assert ee.listeners(foo) == [listener]

    ee.emit(foo)

    ee.removeAllListeners()
    assert ee.listeners(foo) == []

    ee.on(foo, listener)
    assert ee.listeners(foo) == [listener]

    ee.removeListener(foo, listener)
    assert ee.listeners(foo) == []
