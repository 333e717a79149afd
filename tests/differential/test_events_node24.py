"""Differential checks of what changed in lib/events.js between Node 20 and Node 24.

Each scenario is written in JS and in Python, line by line alike; the traces must be equal
under node v24.22.3 (the comment above each test says what node v20 did instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import events
from nodenet_uv._internal.inspect import inspect
from nodenet_uv.events import EventEmitter
from tests.differential._harness import NODE, node_trace, py_trace

pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

PRELUDE = r"""
const events = require('events');
const { EventEmitter } = events;
const util = require('util');
const trace = [];
const ev = (...a) => trace.push(a.map((v) => (v === undefined ? null : v)));
process.on('exit', () => process.stdout.write(JSON.stringify(trace) + '\n'));
"""


def check(js: str, scenario: Callable[[Callable[..., None]], None]) -> None:
    assert py_trace(scenario) == node_trace(PRELUDE, js)


# Node 20: the wrapper was `bound onceWrapper`, and it set `fired` after removeListener, so
# a 'removeListener' listener calling it again ran the listener twice.
def test_once_wrapper() -> None:
    js = """
    const ee = new EventEmitter();
    function foo(a) { ev('foo', a); }
    ee.once('x', foo);
    const w = ee.rawListeners('x')[0];
    ev('wrapper', util.inspect(w), w.name, w.listener === foo);
    ee.on('removeListener', (t) => { ev('removeListener', t); if (t === 'x') w('again'); });
    ee.emit('x', 'first');
    ev('count', ee.listenerCount('x'));
    w('third');
    """

    def scenario(ev: Callable[..., None]) -> None:
        ee = EventEmitter()

        def foo(a: Any) -> None:
            ev("foo", a)

        ee.once("x", foo)
        w = ee.rawListeners("x")[0]
        ev("wrapper", inspect(w), w.__name__, w.listener is foo)  # type: ignore[attr-defined]

        def on_remove(t: Any) -> None:
            ev("removeListener", t)
            if t == "x":
                w("again")

        ee.on("removeListener", on_remove)
        ee.emit("x", "first")
        ev("count", ee.listenerCount("x"))
        w("third")

    check(js, scenario)


# Node 24: events.listenerCount(emitterOrTarget, type) is no longer the deprecated static,
# and throws for a non-emitter (Node 20 crashed inside it with a TypeError of its own).
def test_listener_count_function() -> None:
    js = """
    const ee = new EventEmitter(); ee.on('a', () => {}); ee.on('a', () => {});
    ev('count', events.listenerCount(ee, 'a'), events.listenerCount(ee, 'b'),
       EventEmitter.listenerCount(ee, 'a'));
    try { events.listenerCount({}, 'a'); } catch (e) { ev('err', e.code, e.message); }
    try { events.listenerCount(1, 'a'); } catch (e) { ev('err', e.code, e.message); }
    """

    def scenario(ev: Callable[..., None]) -> None:
        ee = EventEmitter()
        ee.on("a", lambda: None)
        ee.on("a", lambda: None)
        ev(
            "count",
            events.listenerCount(ee, "a"),
            events.listenerCount(ee, "b"),
            EventEmitter.listenerCount(ee, "a"),
        )
        for bad in ({}, 1):
            try:
                events.listenerCount(bad, "a")
            except Exception as e:
                ev("err", e.code, str(e))  # type: ignore[attr-defined]

    check(js, scenario)


# Node 24: once() and on() validate `options` as an object.
def test_once_on_validate_options() -> None:
    js = """
    const ee = new EventEmitter();
    try { events.on(ee, 'x', 1); } catch (e) { ev('on', e.code, e.message); }
    try { events.on(ee, 'x', 'str'); } catch (e) { ev('on', e.code, e.message); }
    events.once(ee, 'x', 1).catch((e) => ev('once', e.code, e.message));
    """

    def scenario(ev: Callable[..., None]) -> None:
        ee = EventEmitter()
        for bad in (1, "str"):
            try:
                events.on(ee, "x", bad)
            except Exception as e:
                ev("on", e.code, str(e))  # type: ignore[attr-defined]
        events.once(ee, "x", 1).catch(lambda e: ev("once", e.code, str(e)))

    check(js, scenario)


# Node 24: closing an events.on() iterator clears its paused flag.
def test_on_close_unpauses() -> None:
    js = """
    const ee = new EventEmitter();
    ee.pause = () => ev('pause'); ee.resume = () => ev('resume');
    const it = events.on(ee, 'y', { highWaterMark: 1 });
    const wm = it[Symbol.for('nodejs.watermarkData')];
    ee.emit('y', 1); ee.emit('y', 2);
    ev('paused', wm.isPaused, wm.size);
    it.return().then(() => { ev('returned', wm.isPaused); ee.emit('y', 3); ev('size', wm.size); });
    """

    def scenario(ev: Callable[..., None]) -> None:
        ee = EventEmitter()
        ee.pause = lambda: ev("pause")  # type: ignore[attr-defined]
        ee.resume = lambda: ev("resume")  # type: ignore[attr-defined]
        it = events.on(ee, "y", {"highWaterMark": 1})
        wm = getattr(it, events.kWatermarkData)
        ee.emit("y", 1)
        ee.emit("y", 2)
        ev("paused", wm.isPaused, wm.size)

        def returned(_v: Any) -> None:
            ev("returned", wm.isPaused)
            ee.emit("y", 3)
            ev("size", wm.size)

        it.return_().then(returned)

    check(js, scenario)


# Node 24: an AbortSignal's kMaxEventTargetListeners is 0 (no leak warning) and
# events.getMaxListeners reads it; setMaxListeners(n, signal) sets it.
def test_abort_signal_max_listeners() -> None:
    js = """
    process.on('warning', (w) => ev('warning', w.name));
    const ac = new AbortController();
    for (let i = 0; i < 12; i++) ac.signal.addEventListener('abort', () => {});
    ev('max', events.getMaxListeners(ac.signal));
    events.setMaxListeners(3, ac.signal);
    ev('max', events.getMaxListeners(ac.signal));
    """

    def scenario(ev: Callable[..., None]) -> None:
        from nodenet_uv import process, run
        from nodenet_uv.abort_controller import AbortController

        def on_warning(w: Any) -> None:
            ev("warning", w.name)

        process.on("warning", on_warning)
        try:
            ac = AbortController()
            for _ in range(12):
                ac.signal.addEventListener("abort", lambda *a: None)
            ev("max", events.getMaxListeners(ac.signal))
            events.setMaxListeners(3, ac.signal)
            ev("max", events.getMaxListeners(ac.signal))
            run()
        finally:
            process.removeListener("warning", on_warning)

    check(js, scenario)
