"""Differential tests: event orders on a stream.duplexPair(), node vs nodenet_uv.

Each scenario is written twice, in JS (run by ``node -e``, printing its event trace as
JSON) and in Python, line by line alike; the traces must be equal. Events are recorded
for both sides (``a:`` and ``b:``), so the hand-off across the pair (a write completing
when the other side reads, ``end()`` finishing once the other side has emitted 'end')
is compared too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv.process import nextTick
from nodenet_uv.stream import duplexPair
from nodenet_uv.timers import setImmediate
from tests.differential import _harness
from tests.differential._harness import code, py_trace

NODE = _harness.NODE
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

JS_PRELUDE = """
const { duplexPair } = require('stream');
const trace = [];
const ev = (name, ...args) => trace.push([name, ...args]);
const code = (e) => (e ? (e.code || e.message) : null);
process.on('exit', () => console.log(JSON.stringify(trace)));
const EVENTS = ['prefinish', 'finish', 'end', 'close', 'error', 'drain'];
const listen = (s, p) => {
  for (const n of EVENTS) s.on(n, (e) => n === 'error' ? ev(p + n, code(e)) : ev(p + n));
};
"""

EVENTS = ("prefinish", "finish", "end", "close", "error", "drain")


def node_trace(js: str) -> list[Any]:
    return _harness.node_trace(JS_PRELUDE, js)


def listen(s: Any, p: str, ev: Callable[..., None]) -> None:
    for name in EVENTS:
        if name == "error":
            s.on("error", lambda e: ev(p + "error", code(e)))
        else:
            s.on(name, lambda *a, name=name: ev(p + name))


# -- write then end, with and without allowHalfOpen, the other side ending too -----------


@pytest.mark.parametrize("allow_half_open", [True, False])
@pytest.mark.parametrize("b_ends", [True, False])
def test_write_end(allow_half_open: bool, b_ends: bool) -> None:
    js = f"""
    const [a, b] = duplexPair({{ allowHalfOpen: {json.dumps(allow_half_open)} }});
    listen(a, 'a:'); listen(b, 'b:');
    a.on('data', (d) => ev('a:data', d.toString()));
    b.on('data', (d) => ev('b:data', d.toString()));
    ev('ret', a.write('x', (err) => ev('a:write-cb', code(err))));
    a.end('y', (err) => ev('a:end-cb', code(err)));
    if ({json.dumps(b_ends)}) b.end('z', (err) => ev('b:end-cb', code(err)));
    ev('sync', a.writableLength, b.readableLength, a.writableEnded, b.readableEnded);
    setImmediate(() => ev('later', a.destroyed, b.destroyed, a.writableFinished,
                          b.readableEnded, b.writableEnded));
    """

    def scenario(ev: Callable[..., None]) -> None:
        a, b = duplexPair({"allowHalfOpen": allow_half_open})
        listen(a, "a:", ev)
        listen(b, "b:", ev)
        a.on("data", lambda d: ev("a:data", d.decode()))
        b.on("data", lambda d: ev("b:data", d.decode()))
        ev("ret", a.write("x", lambda err=None: ev("a:write-cb", code(err))))
        a.end("y", lambda err=None: ev("a:end-cb", code(err)))
        if b_ends:
            b.end("z", lambda err=None: ev("b:end-cb", code(err)))
        ev("sync", a.writableLength, b.readableLength, a.writableEnded, b.readableEnded)
        setImmediate(
            lambda: ev(
                "later",
                a.destroyed,
                b.destroyed,
                a.writableFinished,
                b.readableEnded,
                b.writableEnded,
            )
        )

    assert py_trace(scenario) == node_trace(js)


# -- back-pressure: the other side is not read until later -------------------------------


def test_backpressure_until_read() -> None:
    js = """
    const [a, b] = duplexPair({ highWaterMark: 4 });
    listen(a, 'a:'); listen(b, 'b:');
    for (const x of ['abc', 'def', 'ghi'])
      ev('ret', x, a.write(x, () => ev('a:write-cb', x)), a.writableLength,
         a.writableNeedDrain, b.readableLength);
    a.end(() => ev('a:end-cb'));
    setImmediate(() => {
      ev('before-read', a.writableLength, b.readableLength);
      b.on('data', (d) => ev('b:data', d.toString(), a.writableLength));
    });
    """

    def scenario(ev: Callable[..., None]) -> None:
        a, b = duplexPair({"highWaterMark": 4})
        listen(a, "a:", ev)
        listen(b, "b:", ev)

        def cb_for(x: str) -> Callable[..., None]:
            return lambda *_: ev("a:write-cb", x)

        for x in ("abc", "def", "ghi"):
            ev(
                "ret",
                x,
                a.write(x, cb_for(x)),
                a.writableLength,
                a.writableNeedDrain,
                b.readableLength,
            )
        a.end(lambda *_: ev("a:end-cb"))

        def later() -> None:
            ev("before-read", a.writableLength, b.readableLength)
            b.on("data", lambda d: ev("b:data", d.decode(), a.writableLength))

        setImmediate(later)

    assert py_trace(scenario) == node_trace(js)


# -- zero-length writes complete on their own (no _read on the other side) ---------------


def test_zero_length_writes() -> None:
    js = """
    const [a, b] = duplexPair();
    listen(a, 'a:'); listen(b, 'b:');
    b.on('data', (d) => ev('b:data', d.toString()));
    for (const x of ['', 'x', '', ''])
      a.write(x, (err) => ev('a:write-cb', x, code(err)));
    a.end('', (err) => ev('a:end-cb', code(err)));
    process.nextTick(() => ev('tick'));
    """

    def scenario(ev: Callable[..., None]) -> None:
        a, b = duplexPair()
        listen(a, "a:", ev)
        listen(b, "b:", ev)
        b.on("data", lambda d: ev("b:data", d.decode()))

        def cb_for(x: str) -> Callable[..., None]:
            return lambda err=None: ev("a:write-cb", x, code(err))

        for x in ("", "x", "", ""):
            a.write(x, cb_for(x))
        a.end("", lambda err=None: ev("a:end-cb", code(err)))

        nextTick(lambda: ev("tick"))

    assert py_trace(scenario) == node_trace(js)


# -- destroy one side while the other side has data / a write pending --------------------


@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("with_error", [True, False])
def test_destroy_side(side: str, with_error: bool) -> None:
    err_js = "new Error('boom')" if with_error else "undefined"
    js = f"""
    const [a, b] = duplexPair();
    listen(a, 'a:'); listen(b, 'b:');
    a.write('x', (err) => ev('a:write-cb', code(err)));
    a.end((err) => ev('a:end-cb', code(err)));
    {side}.destroy({err_js});
    ev('sync', a.destroyed, b.destroyed, a.writableEnded, b.readableAborted);
    setImmediate(() => {{
      b.on('data', (d) => ev('b:data', d.toString()));
      setImmediate(() => ev('later', a.destroyed, b.destroyed, a.writableFinished,
                            b.readableEnded));
    }});
    """

    def scenario(ev: Callable[..., None]) -> None:
        a, b = duplexPair()
        listen(a, "a:", ev)
        listen(b, "b:", ev)
        a.write("x", lambda err=None: ev("a:write-cb", code(err)))
        a.end(lambda err=None: ev("a:end-cb", code(err)))
        (a if side == "a" else b).destroy(Exception("boom") if with_error else None)
        ev("sync", a.destroyed, b.destroyed, a.writableEnded, b.readableAborted)

        def later() -> None:
            b.on("data", lambda d: ev("b:data", d.decode()))
            setImmediate(
                lambda: ev("later", a.destroyed, b.destroyed, a.writableFinished, b.readableEnded)
            )

        setImmediate(later)

    assert py_trace(scenario) == node_trace(js)
