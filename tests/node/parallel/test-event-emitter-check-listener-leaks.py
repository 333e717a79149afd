"""Port of test/parallel/test-event-emitter-check-listener-leaks.js.

Node marks the listener array of an event that warned (``e._events.x.warned``); our
emitter keeps the names of the events that warned in ``e._warned`` (see events.py), so
``Object.hasOwn(e._events.x, 'warned')`` reads ``'x' in (e._warned or ())`` here.
"""

from nodenet_uv import events, run
from nodenet_uv.testing import common


def warned(e, name) -> bool:
    return name in (e._warned or ())


def test_default() -> None:
    e = events.EventEmitter()

    for _ in range(10):
        e.on("default", common.mustNotCall())
    assert not warned(e, "default")
    e.on("default", common.mustNotCall())
    assert warned(e, "default")

    # symbol
    symbol = events.Symbol("symbol")
    e.setMaxListeners(1)
    e.on(symbol, common.mustNotCall())
    assert not warned(e, symbol)
    e.on(symbol, common.mustNotCall())
    assert warned(e, symbol)

    # specific
    e.setMaxListeners(5)
    for _ in range(5):
        e.on("specific", common.mustNotCall())
    assert not warned(e, "specific")
    e.on("specific", common.mustNotCall())
    assert warned(e, "specific")

    # only one
    e.setMaxListeners(1)
    e.on("only one", common.mustNotCall())
    assert not warned(e, "only one")
    e.on("only one", common.mustNotCall())
    assert warned(e, "only one")

    # unlimited
    e.setMaxListeners(0)
    for _ in range(1000):
        e.on("unlimited", common.mustNotCall())
    assert not warned(e, "unlimited")
    run()  # the warnings are emitted on the next tick


def test_process_wide() -> None:
    events.EventEmitter.defaultMaxListeners = 42
    e = events.EventEmitter()

    for _ in range(42):
        e.on("fortytwo", common.mustNotCall())
    assert not warned(e, "fortytwo")
    e.on("fortytwo", common.mustNotCall())
    assert warned(e, "fortytwo")
    e._warned.discard("fortytwo")  # delete e._events.fortytwo.warned

    events.EventEmitter.defaultMaxListeners = 44
    e.on("fortytwo", common.mustNotCall())
    assert not warned(e, "fortytwo")
    e.on("fortytwo", common.mustNotCall())
    assert warned(e, "fortytwo")
    run()


def test_max_listeners_has_precedence() -> None:
    # But _maxListeners still has precedence over defaultMaxListeners
    events.EventEmitter.defaultMaxListeners = 42
    e = events.EventEmitter()
    e.setMaxListeners(1)
    e.on("uno", common.mustNotCall())
    assert not warned(e, "uno")
    e.on("uno", common.mustNotCall())
    assert warned(e, "uno")

    # chainable
    assert e is e.setMaxListeners(1)
    run()
