"""Differential test: Readable event orders, node vs nodenet_uv.

Each scenario is written twice, in JS and in Python, line by line alike. Both record a
trace of ``[event, value]`` pairs (chunks as text, errors as their code, readable* getters
at chosen points) and the traces must be equal.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing.node_peer import find_node
from nodenet_uv.timers import setImmediate, setTimeout

pytestmark = pytest.mark.skipif(find_node() is None, reason="node not installed")

JS_PRELUDE = r"""
const { Readable } = require('stream');
const trace = [];
const t = (ev, v = null) => trace.push([ev, v === undefined ? null : v]);
const show = (c) => (c === null ? null : (typeof c === 'string' ? 's:' + c : 'b:' + c.toString('latin1')));
const state = (r) => [r.readableFlowing, r.readableLength, r.readableEnded, r.isPaused(),
                      r.destroyed, r.readableAborted, r.readableDidRead];
process.on('exit', () => process.stdout.write(JSON.stringify(trace)));
"""


def node_trace(js: str) -> list[Any]:
    proc = subprocess.run(
        ["node", "-e", JS_PRELUDE + js], capture_output=True, text=True, check=True, timeout=30
    )
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


class Tracer:
    def __init__(self) -> None:
        self.trace: list[Any] = []

    def __call__(self, ev: str, v: Any = None) -> None:
        self.trace.append([ev, v])

    def listener(self, ev: str, fmt: Callable[..., Any] | None = None) -> Callable[..., None]:
        def on(*args: Any) -> None:
            self(ev, fmt(*args) if fmt else None)

        return on


def show(c: Any) -> Any:
    if c is None:
        return None
    if isinstance(c, str):
        return "s:" + c
    return "b:" + c.decode("latin-1")


def state(r: Readable) -> list[Any]:
    return [
        r.readableFlowing,
        r.readableLength,
        r.readableEnded,
        r.isPaused(),
        r.destroyed,
        r.readableAborted,
        r.readableDidRead,
    ]


def py_trace(body: Callable[[Tracer], None]) -> list[Any]:
    t = Tracer()
    body(t)
    run()
    return json.loads(json.dumps(t.trace))  # type: ignore[no-any-return]


def test_pause_resume_with_set_encoding() -> None:
    js = r"""
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    r.on('data', (c) => { t('data', show(c)); t('state', state(r)); });
    r.on('pause', () => t('pause'));
    r.on('resume', () => t('resume'));
    r.on('end', () => { t('end'); t('state', state(r)); });
    r.on('close', () => { t('close'); t('state', state(r)); });
    r.push(Buffer.from([0xe2, 0x82]));
    r.push(Buffer.from([0xac, 0x41]));
    t('state', state(r));
    process.nextTick(() => {
      r.pause();
      r.push('xyz');
      r.push(Buffer.from([0xc3]));
      t('state', state(r));
      setImmediate(() => {
        r.resume();
        r.push(Buffer.from([0xa9]));
        r.push(null);
        t('state', state(r));
      });
    });
    """

    def body(t: Tracer) -> None:
        r = Readable(read=lambda n: None)
        r.setEncoding("utf8")
        r.on("data", lambda c: (t("data", show(c)), t("state", state(r))))
        r.on("pause", t.listener("pause"))
        r.on("resume", t.listener("resume"))
        r.on("end", lambda: (t("end"), t("state", state(r))))
        r.on("close", lambda: (t("close"), t("state", state(r))))
        r.push(bytes([0xE2, 0x82]))
        r.push(bytes([0xAC, 0x41]))
        t("state", state(r))

        def later() -> None:
            r.pause()
            r.push("xyz")
            r.push(bytes([0xC3]))
            t("state", state(r))

            def imm() -> None:
                r.resume()
                r.push(bytes([0xA9]))
                r.push(None)
                t("state", state(r))

            setImmediate(imm)

        next_tick(later)

    assert py_trace(body) == node_trace(js)


def test_readable_mode_vs_data_mode() -> None:
    js = r"""
    const r = new Readable({ highWaterMark: 4, read() {} });
    let n = 0;
    r.on('readable', () => {
      t('readable', state(r));
      let c;
      while ((c = r.read(3)) !== null) t('read', show(c));
      if (++n === 2) {
        r.removeAllListeners('readable');
        r.on('data', (c) => t('data', show(c)));
        t('switched', state(r));
        setImmediate(() => { r.push('tail'); r.push(null); });
      }
    });
    r.on('end', () => { t('end', state(r)); });
    r.on('close', () => t('close'));
    r.push('abcdefg');
    setTimeout(() => { t('push2', r.push('hij')); }, 1);
    """

    def body(t: Tracer) -> None:
        r = Readable(highWaterMark=4, read=lambda n: None)
        n = [0]

        def on_readable() -> None:
            t("readable", state(r))
            while (c := r.read(3)) is not None:
                t("read", show(c))
            n[0] += 1
            if n[0] == 2:
                r.removeAllListeners("readable")
                r.on("data", lambda c: t("data", show(c)))
                t("switched", state(r))

                def imm() -> None:
                    r.push("tail")
                    r.push(None)

                setImmediate(imm)

        r.on("readable", on_readable)
        r.on("end", lambda: t("end", state(r)))
        r.on("close", t.listener("close"))
        r.push("abcdefg")
        setTimeout(lambda: t("push2", r.push("hij")), 1)

    assert py_trace(body) == node_trace(js)


def test_end_only_after_all_data_consumed() -> None:
    js = r"""
    const r = new Readable({ read() {} });
    r.push('one');
    r.push('two');
    r.push(null);
    t('state', state(r));
    r.once('readable', () => {
      t('readable', state(r));
      t('read', show(r.read(2)));
      setImmediate(() => {
        t('later', state(r));
        t('read', show(r.read()));
        t('read', show(r.read()));
        t('after', state(r));
      });
    });
    r.on('end', () => t('end', state(r)));
    r.on('close', () => t('close', state(r)));
    """

    def body(t: Tracer) -> None:
        r = Readable(read=lambda n: None)
        r.push("one")
        r.push("two")
        r.push(None)
        t("state", state(r))

        def on_readable() -> None:
            t("readable", state(r))
            t("read", show(r.read(2)))

            def imm() -> None:
                t("later", state(r))
                t("read", show(r.read()))
                t("read", show(r.read()))
                t("after", state(r))

            setImmediate(imm)

        r.once("readable", on_readable)
        r.on("end", lambda: t("end", state(r)))
        r.on("close", lambda: t("close", state(r)))

    assert py_trace(body) == node_trace(js)


def test_push_after_eof_errors() -> None:
    js = r"""
    const r = new Readable({ read() {} });
    r.on('data', (c) => t('data', show(c)));
    r.on('error', (e) => { t('error', e.code); t('state', state(r)); });
    r.on('end', () => t('end'));
    r.on('close', () => { t('close', state(r)); t('errored', r.errored && r.errored.code); });
    r.push('a');
    r.push(null);
    t('push', r.push('b'));
    t('state', state(r));
    const r2 = new Readable({ read() {}, autoDestroy: false });
    r2.on('error', (e) => t('error2', e.code));
    r2.on('close', () => t('close2'));
    r2.push(null);
    t('push2', r2.push('x'));
    t('state2', state(r2));
    """

    def body(t: Tracer) -> None:
        r = Readable(read=lambda n: None)
        r.on("data", lambda c: t("data", show(c)))
        r.on("error", lambda e: (t("error", e.code), t("state", state(r))))
        r.on("end", t.listener("end"))
        r.on(
            "close",
            lambda: (t("close", state(r)), t("errored", r.errored and r.errored.code)),
        )
        r.push("a")
        r.push(None)
        t("push", r.push("b"))
        t("state", state(r))
        r2 = Readable(read=lambda n: None, autoDestroy=False)
        r2.on("error", lambda e: t("error2", e.code))
        r2.on("close", t.listener("close2"))
        r2.push(None)
        t("push2", r2.push("x"))
        t("state2", state(r2))

    assert py_trace(body) == node_trace(js)


def test_unshift() -> None:
    js = r"""
    const r = new Readable({ read() {} });
    r.push('hello world');
    r.once('readable', () => {
      const c = r.read(5);
      t('read', show(c));
      t('unshift', r.unshift(Buffer.from('HELLO')));
      t('state', state(r));
      t('read', show(r.read(7)));
      r.unshift('xy', 'latin1');
      r.setEncoding('hex');
      t('state', state(r));
      r.unshift('00ff', 'hex');
      r.unshift('zz', 'latin1');
      r.on('data', (d) => t('data', show(d)));
      r.push(null);
    });
    r.on('end', () => { t('end', state(r)); t('unshift-after-end', r.unshift('q')); });
    r.on('error', (e) => t('error', e.code));
    r.on('close', () => t('close'));
    """

    def body(t: Tracer) -> None:
        r = Readable(read=lambda n: None)
        r.push("hello world")

        def on_readable() -> None:
            c = r.read(5)
            t("read", show(c))
            t("unshift", r.unshift(b"HELLO"))
            t("state", state(r))
            t("read", show(r.read(7)))
            r.unshift("xy", "latin1")
            r.setEncoding("hex")
            t("state", state(r))
            r.unshift("00ff", "hex")
            r.unshift("zz", "latin1")
            r.on("data", lambda d: t("data", show(d)))
            r.push(None)

        r.once("readable", on_readable)
        r.on("end", lambda: (t("end", state(r)), t("unshift-after-end", r.unshift("q"))))
        r.on("error", lambda e: t("error", e.code))
        r.on("close", t.listener("close"))

    assert py_trace(body) == node_trace(js)


def test_object_mode_flow_and_backpressure() -> None:
    js = r"""
    let i = 0;
    const r = new Readable({ objectMode: true, highWaterMark: 2, read() {
      t('_read', state(r));
      if (i < 5) process.nextTick(() => { t('push', r.push({ n: i++ })); }); else r.push(null);
    } });
    r.on('data', (o) => { t('data', o.n); if (o.n === 1) { r.pause(); setTimeout(() => r.resume(), 2); } });
    r.on('pause', () => t('pause'));
    r.on('resume', () => t('resume'));
    r.on('end', () => t('end'));
    r.on('close', () => t('close'));
    """

    def body(t: Tracer) -> None:
        i = [0]

        def read(n: int) -> None:
            t("_read", state(r))
            if i[0] < 5:

                def later() -> None:
                    v = {"n": i[0]}
                    i[0] += 1
                    t("push", r.push(v))

                next_tick(later)
            else:
                r.push(None)

        r = Readable(objectMode=True, highWaterMark=2, read=read)

        def ondata(o: Any) -> None:
            t("data", o["n"])
            if o["n"] == 1:
                r.pause()
                setTimeout(r.resume, 2)

        r.on("data", ondata)
        r.on("pause", t.listener("pause"))
        r.on("resume", t.listener("resume"))
        r.on("end", t.listener("end"))
        r.on("close", t.listener("close"))

    assert py_trace(body) == node_trace(js)
