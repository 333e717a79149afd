"""Differential tests: Writable/Duplex event orders, node vs nodenet_uv.

Each scenario is written twice, in JS (run by ``node -e``, printing its event trace
as JSON) and in Python; the traces must be equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Duplex, Writable
from nodenet_uv.timers import setImmediate
from tests.differential import _harness
from tests.differential._harness import code, py_trace

NODE = _harness.NODE
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

JS_PRELUDE = """
const { Writable, Duplex } = require('stream');
const trace = [];
const ev = (name, ...args) => trace.push([name, ...args]);
const code = (e) => (e ? (e.code || e.message) : null);
process.on('exit', () => console.log(JSON.stringify(trace)));
"""


def node_trace(js: str) -> list[Any]:
    return _harness.node_trace(JS_PRELUDE, js)


def _listen_all(s: Any, ev: Callable[..., None], names: tuple[str, ...]) -> None:
    for name in names:
        if name == "error":
            s.on("error", lambda e: ev("error", code(e)))
        else:
            s.on(name, lambda *a, name=name: ev(name))


EVENTS = ("prefinish", "finish", "end", "close", "error", "drain")
JS_LISTEN = (
    f"for (const n of {json.dumps(list(EVENTS))}) "
    "s.on(n, (e) => n === 'error' ? ev(n, code(e)) : ev(n));"
)


# -- Duplex end/finish/close with and without allowHalfOpen ------------------------------


@pytest.mark.parametrize("allow_half_open", [True, False])
@pytest.mark.parametrize("end_first", [True, False])
def test_duplex_end_finish_close(allow_half_open: bool, end_first: bool) -> None:
    js = f"""
    const s = new Duplex({{
      allowHalfOpen: {json.dumps(allow_half_open)},
      read() {{}},
      write(c, e, cb) {{ ev('write', c.toString()); setImmediate(cb); }},
      final(cb) {{ ev('final'); cb(); }},
    }});
    {JS_LISTEN}
    s.on('data', (d) => ev('data', d.toString()));
    s.write('a', (err) => ev('write-cb', code(err)));
    if ({json.dumps(end_first)}) {{ s.end(() => ev('end-cb')); s.push('x'); s.push(null); }}
    else {{ s.push('x'); s.push(null); setImmediate(() => s.end(() => ev('end-cb'))); }}
    """

    def scenario(ev: Callable[..., None]) -> None:
        def write(c: Any, e: Any, cb: Any) -> None:
            ev("write", c.decode())
            setImmediate(cb)

        def final(cb: Any) -> None:
            ev("final")
            cb()

        s = Duplex(allowHalfOpen=allow_half_open, read=lambda n: None, write=write, final=final)
        _listen_all(s, ev, EVENTS)
        s.on("data", lambda d: ev("data", d.decode()))
        s.write("a", lambda err: ev("write-cb", code(err)))
        if end_first:
            s.end(lambda: ev("end-cb"))
            s.push("x")
            s.push(None)
        else:
            s.push("x")
            s.push(None)
            setImmediate(lambda: s.end(lambda: ev("end-cb")))

    assert py_trace(scenario) == node_trace(js)


# -- write after end ---------------------------------------------------------------------


@pytest.mark.parametrize("auto_destroy", [True, False])
def test_write_after_end(auto_destroy: bool) -> None:
    js = f"""
    const s = new Writable({{ autoDestroy: {json.dumps(auto_destroy)},
      write(c, e, cb) {{ ev('write', c.toString()); cb(); }} }});
    {JS_LISTEN}
    s.end('a', () => ev('end-cb'));
    ev('ret', s.write('b', (err) => ev('write-cb', code(err))));
    ev('sync-done', s.destroyed, s.writableEnded);
    """

    def scenario(ev: Callable[..., None]) -> None:
        def write(c: Any, e: Any, cb: Any) -> None:
            ev("write", c.decode())
            cb()

        s = Writable(autoDestroy=auto_destroy, write=write)
        _listen_all(s, ev, EVENTS)
        s.end("a", lambda: ev("end-cb"))
        ev("ret", s.write("b", lambda err: ev("write-cb", code(err))))
        ev("sync-done", s.destroyed, s.writableEnded)

    assert py_trace(scenario) == node_trace(js)


# -- destroy during a pending write ------------------------------------------------------


@pytest.mark.parametrize("with_error", [True, False])
@pytest.mark.parametrize("buffered", [True, False])
def test_destroy_during_pending_write(with_error: bool, buffered: bool) -> None:
    js = f"""
    let pending;
    const s = new Writable({{ write(c, e, cb) {{ ev('write', c.toString()); pending = cb; }} }});
    {JS_LISTEN}
    s.write('a', (err) => ev('cb-a', code(err)));
    if ({json.dumps(buffered)}) s.write('b', (err) => ev('cb-b', code(err)));
    s.end((err) => ev('end-cb', code(err)));
    s.destroy({"new Error('boom')" if with_error else "undefined"});
    ev('destroyed', s.destroyed, s.writableAborted);
    process.nextTick(() => {{ ev('tick'); pending(); }});
    """

    def scenario(ev: Callable[..., None]) -> None:
        pending: list[Any] = []

        def write(c: Any, e: Any, cb: Any) -> None:
            ev("write", c.decode())
            pending.append(cb)

        s = Writable(write=write)
        _listen_all(s, ev, EVENTS)
        s.write("a", lambda err: ev("cb-a", code(err)))
        if buffered:
            s.write("b", lambda err: ev("cb-b", code(err)))
        s.end(lambda err: ev("end-cb", code(err)))
        s.destroy(Exception("boom") if with_error else None)
        ev("destroyed", s.destroyed, s.writableAborted)

        def later() -> None:
            ev("tick")
            pending[0]()

        next_tick(later)

    assert py_trace(scenario) == node_trace(js)


# -- cork/uncork with writev -------------------------------------------------------------


@pytest.mark.parametrize("with_callbacks", [True, False])
def test_cork_uncork_writev(with_callbacks: bool) -> None:
    cb = "(err) => ev('cb', code(err))" if with_callbacks else "undefined"
    js = f"""
    const s = new Writable({{
      write(c, e, cb) {{ ev('write', c.toString(), e); cb(); }},
      writev(chunks, cb) {{ ev('writev', chunks.map((c) => c.chunk.toString()),
                             chunks.allBuffers); process.nextTick(cb); }},
    }});
    {JS_LISTEN}
    s.write('0', {cb});
    s.cork();
    s.write('a', {cb}); s.write('b', 'latin1', {cb}); s.write('c', {cb});
    ev('corked', s.writableCorked, s.writableLength, s.writableBuffer.length);
    process.nextTick(() => {{ s.uncork(); ev('uncorked', s.writableLength);
      s.cork(); s.write('d', {cb}); s.write('e', {cb}); s.end('f', () => ev('end-cb')); }});
    """

    def scenario(ev: Callable[..., None]) -> None:
        def make_cb() -> Any:
            return (lambda err: ev("cb", code(err))) if with_callbacks else None

        def write(c: Any, e: Any, cb: Any) -> None:
            ev("write", c.decode(), e)
            cb()

        def writev(chunks: Any, cb: Any) -> None:
            ev("writev", [c["chunk"].decode() for c in chunks], chunks.allBuffers)
            next_tick(cb)

        s = Writable(write=write, writev=writev)
        _listen_all(s, ev, EVENTS)
        s.write("0", make_cb())
        s.cork()
        s.write("a", make_cb())
        s.write("b", "latin1", make_cb())
        s.write("c", make_cb())
        ev("corked", s.writableCorked, s.writableLength, len(s.writableBuffer))

        def later() -> None:
            s.uncork()
            ev("uncorked", s.writableLength)
            s.cork()
            s.write("d", make_cb())
            s.write("e", make_cb())
            s.end("f", lambda: ev("end-cb"))

        next_tick(later)

    assert py_trace(scenario) == node_trace(js)


# -- drain after back-pressure -----------------------------------------------------------


@pytest.mark.parametrize("sync_write", [True, False])
def test_drain_after_backpressure(sync_write: bool) -> None:
    js = f"""
    const s = new Writable({{ highWaterMark: 5,
      write(c, e, cb) {{ ev('write', c.toString()); {json.dumps(sync_write)} ? cb() : setImmediate(cb); }} }});
    {JS_LISTEN}
    for (const x of ['abc', 'def', 'ghi']) ev('ret', x, s.write(x, () => ev('cb', x)),
                                              s.writableNeedDrain, s.writableLength);
    s.once('drain', () => {{ ev('ret', 'j', s.write('j')); s.end(); }});
    """

    def scenario(ev: Callable[..., None]) -> None:
        def write(c: Any, e: Any, cb: Any) -> None:
            ev("write", c.decode())
            if sync_write:
                cb()
            else:
                setImmediate(cb)

        s = Writable(highWaterMark=5, write=write)
        _listen_all(s, ev, EVENTS)

        def cb_for(x: str) -> Callable[[], None]:
            return lambda: ev("cb", x)

        for x in ("abc", "def", "ghi"):
            ev(
                "ret",
                x,
                s.write(x, cb_for(x)),
                s.writableNeedDrain,
                s.writableLength,
            )

        def on_drain() -> None:
            ev("ret", "j", s.write("j"))
            s.end()

        s.once("drain", on_drain)

    assert py_trace(scenario) == node_trace(js)
