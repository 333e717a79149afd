"""Differential checks of what changed in lib/internal/streams between Node 20 and Node 24.

Each scenario is written in JS and in Python, line by line alike; the traces must be equal
under node v24.22.3 (the comment above each test says what node v20 did instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import stream
from nodenet_uv._internal.promise import spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Duplex, PassThrough, Readable, Writable
from nodenet_uv.timers import setImmediate, setTimeout
from tests.differential._harness import NODE, node_trace, py_trace

pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

PRELUDE = r"""
const stream = require('stream');
const { Readable, Writable, Duplex, PassThrough } = stream;
const trace = [];
const ev = (...a) => trace.push(a.map((v) => (v === undefined ? null : v)));
const show = (c) => (c === null ? null : (typeof c === 'string' ? 's:' + c : 'b:' + c.toString('latin1')));
process.on('exit', () => process.stdout.write(JSON.stringify(trace) + '\n'));
"""


def show(c: Any) -> Any:
    if c is None:
        return None
    if isinstance(c, str):
        return "s:" + c
    return "b:" + bytes(c).decode("latin-1")


def nop(*_: Any) -> None:
    return None


def check(js: str, scenario: Callable[[Callable[..., None]], None]) -> None:
    assert py_trace(scenario) == node_trace(PRELUDE, js)


# Node 20: setEncoding() after the end dropped an incomplete character ('a').
def test_set_encoding_after_end_flushes_decoder() -> None:
    js = """
    const r = new Readable({ read() {} });
    r.push(Buffer.from([0x61, 0xe2, 0x82])); r.push(null); r.setEncoding('utf8');
    r.on('data', (d) => ev('data', show(d))); r.on('end', () => ev('end'));
    """

    def scenario(ev: Callable[..., None]) -> None:
        r = Readable({"read": nop})
        r.push(bytes([0x61, 0xE2, 0x82]))
        r.push(None)
        r.setEncoding("utf8")
        r.on("data", lambda d: ev("data", show(d)))
        r.on("end", lambda: ev("end"))

    check(js, scenario)


# Node 20: the end-of-stream 'readable' was emitted to nobody, so a 'readable' listener
# added later saw only 'end' (kEofReadablePending).
@pytest.mark.parametrize("data", [False, True])
def test_eof_readable_pending(data: bool) -> None:
    js = f"""
    const r = new Readable({{ read() {{}} }});
    if ({str(data).lower()}) r.push('a');
    r.push(null);
    process.nextTick(() => ev('tick', r.readableLength));
    setImmediate(() => {{
      r.on('readable', () => {{ ev('readable'); let c; while ((c = r.read()) !== null)
        ev('read', show(c)); ev('after', r.read()); }});
      r.on('end', () => ev('end'));
    }});
    """

    def scenario(ev: Callable[..., None]) -> None:
        r = Readable({"read": nop})
        if data:
            r.push("a")
        r.push(None)
        next_tick(lambda: ev("tick", r.readableLength))

        def on_readable() -> None:
            ev("readable")
            while (c := r.read()) is not None:
                ev("read", show(c))
            ev("after", r.read())

        def later() -> None:
            r.on("readable", on_readable)
            r.on("end", lambda: ev("end"))

        setImmediate(later)

    check(js, scenario)


# The eof 'readable' still comes when someone observes the stream at the end.
def test_eof_readable_with_listener_and_read() -> None:
    js = """
    const r = new Readable({ read() {} });
    r.on('readable', () => ev('readable', show(r.read())));
    r.on('end', () => ev('end'));
    r.push('x'); r.push(null);
    const q = new Readable({ read() {} });
    q.push('y'); q.push(null);
    ev('read', show(q.read()), show(q.read()));
    q.on('end', () => ev('q:end'));
    """

    def scenario(ev: Callable[..., None]) -> None:
        r = Readable({"read": nop})
        r.on("readable", lambda: ev("readable", show(r.read())))
        r.on("end", lambda: ev("end"))
        r.push("x")
        r.push(None)
        q = Readable({"read": nop})
        q.push("y")
        q.push(None)
        ev("read", show(q.read()), show(q.read()))
        q.on("end", lambda: ev("q:end"))

    check(js, scenario)


# maybeReadMore() does not schedule while a _read() is pending (an unshift meanwhile).
def test_unshift_during_pending_read() -> None:
    js = """
    let n = 0;
    const r = new Readable({ highWaterMark: 10, read() {
      ev('_read', ++n);
      if (n === 1) setImmediate(() => { ev('push'); r.push('b'); });
      if (n > 3) r.push(null);
    } });
    r.read(0); r.unshift('a'); ev('len', r.readableLength);
    process.nextTick(() => ev('tick', r.readableLength));
    setTimeout(() => { r.on('data', (d) => ev('data', show(d))); r.on('end', () => ev('end')); }, 5);
    """

    def scenario(ev: Callable[..., None]) -> None:
        n = 0

        def read(_size: Any) -> None:
            nonlocal n
            n += 1
            ev("_read", n)
            if n == 1:

                def push() -> None:
                    ev("push")
                    r.push("b")

                setImmediate(push)
            if n > 3:
                r.push(None)

        r = Readable({"highWaterMark": 10, "read": read})
        r.read(0)
        r.unshift("a")
        ev("len", r.readableLength)
        next_tick(lambda: ev("tick", r.readableLength))

        def later() -> None:
            r.on("data", lambda d: ev("data", show(d)))
            r.on("end", lambda: ev("end"))

        setTimeout(later, 5)

    check(js, scenario)


# Node 20: a throwing dest.write() threw out of the source's 'data' emit (a crash).
def test_pipe_dest_write_throws_destroys_dest() -> None:
    js = """
    const r = new Readable({ read() {} });
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.write = () => { throw new Error('boom'); };
    w.on('error', (e) => ev('w:error', e.message)); w.on('close', () => ev('w:close'));
    r.on('error', (e) => ev('r:error', e.message));
    r.pipe(w); r.push('a');
    setImmediate(() => ev('later', w.destroyed, r.destroyed, r.isPaused()));
    """

    def scenario(ev: Callable[..., None]) -> None:
        r = Readable({"read": nop})
        w = Writable({"write": lambda c, e, cb: cb()})

        def write(*_: Any) -> Any:
            raise Exception("boom")

        w.write = write  # type: ignore[method-assign]
        w.on("error", lambda e: ev("w:error", str(e)))
        w.on("close", lambda: ev("w:close"))
        r.on("error", lambda e: ev("r:error", str(e)))
        r.pipe(w)
        r.push("a")
        setImmediate(lambda: ev("later", w.destroyed, r.destroyed, r.isPaused()))

    check(js, scenario)


# Node 20: ending the iteration of a half-open Duplex destroyed it (writable side too).
# (allowHalfOpen: false, or a writable side already ended, are left out: there node emits
# 'close' before the loop body sees the first chunk, as a JS async generator's yield waits
# for a microtask and ours does not; that is no Node 24 change.)
def test_async_iterator_keeps_half_open_duplex() -> None:
    js = """
    const d = new Duplex({ read() {}, write(c, e, cb) { ev('write', show(c)); cb(); } });
    d.push('a'); d.push(null);
    d.on('close', () => ev('close'));
    (async () => {
      for await (const c of d) ev('chunk', show(c));
      ev('done', d.destroyed, d.writable);
      if (d.writable) d.end('z');
    })();
    """

    def scenario(ev: Callable[..., None]) -> None:
        def write(c: Any, e: Any, cb: Callable[..., Any]) -> None:
            ev("write", show(c))
            cb()

        d = Duplex({"read": nop, "write": write})
        d.push("a")
        d.push(None)
        d.on("close", lambda: ev("close"))

        async def main() -> None:
            async for c in d:
                ev("chunk", show(c))
            ev("done", d.destroyed, d.writable)
            if d.writable:
                d.end("z")

        spawn(main())

    check(js, scenario)


# Node 20: compose() read its tail on 'readable' (one 'abc' chunk); Node 24's tail flows.
def test_readable_compose_method_flows_tail() -> None:
    js = """
    const p = new PassThrough(); const c = Readable.from(['a', 'b', 'c']).compose(p);
    c.on('data', (d) => ev('data', show(d))); c.on('end', () => ev('end'));
    c.on('close', () => ev('close'));
    p.on('pause', () => ev('p:pause')); p.on('resume', () => ev('p:resume'));
    """

    def scenario(ev: Callable[..., None]) -> None:
        p = PassThrough()
        c = Readable.from_(["a", "b", "c"]).compose(p)  # type: ignore[attr-defined]
        c.on("data", lambda d: ev("data", show(d)))
        c.on("end", lambda: ev("end"))
        c.on("close", lambda: ev("close"))
        p.on("pause", lambda: ev("p:pause"))
        p.on("resume", lambda: ev("p:resume"))

    check(js, scenario)


# compose back-pressure: the tail is paused when the composed stream's buffer is full.
def test_compose_tail_pauses_on_backpressure() -> None:
    js = """
    const p = new PassThrough({ highWaterMark: 1 });
    const c = stream.compose(new PassThrough(), p);
    p.on('pause', () => ev('p:pause')); p.on('resume', () => ev('p:resume'));
    c._readableState.highWaterMark = 2;
    for (const x of ['a', 'bb', 'ccc']) c.write(x);
    c.end();
    setTimeout(() => {
      ev('len', c.readableLength);
      c.on('data', (d) => ev('data', show(d))); c.on('end', () => ev('end'));
    }, 5);
    """

    def scenario(ev: Callable[..., None]) -> None:
        p = PassThrough({"highWaterMark": 1})
        c = stream.compose(PassThrough(), p)
        p.on("pause", lambda: ev("p:pause"))
        p.on("resume", lambda: ev("p:resume"))
        c._readableState.highWaterMark = 2
        for x in ("a", "bb", "ccc"):
            c.write(x)
        c.end()

        def later() -> None:
            ev("len", c.readableLength)
            c.on("data", lambda d: ev("data", show(d)))
            c.on("end", lambda: ev("end"))

        setTimeout(later, 5)

    check(js, scenario)


# Node 20: "must be of type function or an instance of AsyncFunction"; asIndexedPairs
# existed; the byte streams' default highWaterMark was 16 KiB.
def test_operators_validate_function_and_defaults() -> None:
    js = """
    try { Readable.from([1]).map(1); } catch (e) { ev('map', e.code, e.message); }
    try { Readable.from([1]).filter('x'); } catch (e) { ev('filter', e.code, e.message); }
    Readable.from([1]).reduce(1).catch((e) => ev('reduce', e.code, e.message));
    Readable.from([1]).forEach(undefined).catch((e) => ev('forEach', e.code, e.message));
    ev('asIndexedPairs', typeof Readable.prototype.asIndexedPairs);
    ev('hwm', new Readable().readableHighWaterMark, new Writable().writableHighWaterMark,
       new Readable({ objectMode: true }).readableHighWaterMark,
       new Duplex({ readableObjectMode: true }).writableHighWaterMark,
       stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
    """

    def scenario(ev: Callable[..., None]) -> None:
        try:
            Readable.from_([1]).map(1)  # type: ignore[attr-defined]
        except Exception as e:
            ev("map", e.code, str(e))  # type: ignore[attr-defined]
        try:
            Readable.from_([1]).filter("x")  # type: ignore[attr-defined]
        except Exception as e:
            ev("filter", e.code, str(e))  # type: ignore[attr-defined]
        Readable.from_([1]).reduce(1).catch(lambda e: ev("reduce", e.code, str(e)))  # type: ignore[attr-defined]
        Readable.from_([1]).forEach(None).catch(lambda e: ev("forEach", e.code, str(e)))  # type: ignore[attr-defined]
        ev("asIndexedPairs", "function" if hasattr(Readable, "asIndexedPairs") else "undefined")
        ev(
            "hwm",
            Readable().readableHighWaterMark,
            Writable().writableHighWaterMark,
            Readable({"objectMode": True}).readableHighWaterMark,
            Duplex({"readableObjectMode": True}).writableHighWaterMark,
            stream.getDefaultHighWaterMark(False),
            stream.getDefaultHighWaterMark(True),
        )

    check(js, scenario)


def test_set_default_high_water_mark() -> None:
    js = """
    stream.setDefaultHighWaterMark(false, 100);
    stream.setDefaultHighWaterMark(true, 3);
    ev('hwm', new Readable().readableHighWaterMark, new Writable({ objectMode: true }).writableHighWaterMark);
    try { stream.setDefaultHighWaterMark(false, -1); } catch (e) { ev('err', e.code, e.message); }
    stream.setDefaultHighWaterMark(false, 65536);
    stream.setDefaultHighWaterMark(true, 16);
    """

    def scenario(ev: Callable[..., None]) -> None:
        stream.setDefaultHighWaterMark(False, 100)
        stream.setDefaultHighWaterMark(True, 3)
        try:
            ev(
                "hwm",
                Readable().readableHighWaterMark,
                Writable({"objectMode": True}).writableHighWaterMark,
            )
            try:
                stream.setDefaultHighWaterMark(False, -1)
            except Exception as e:
                ev("err", e.code, str(e))  # type: ignore[attr-defined]
        finally:
            stream.setDefaultHighWaterMark(False, 65536)
            stream.setDefaultHighWaterMark(True, 16)

    check(js, scenario)


# Node 20 wrote the string as utf8 bytes; Node 22+ rejects 'buffer' for a string chunk.
def test_write_string_with_buffer_encoding() -> None:
    js = """
    const w = new Writable({ write(c, e, cb) { ev('_write', show(c), e); cb(); } });
    try { w.write('x', 'buffer'); } catch (e) { ev('err', e.code, e.message); }
    w.write(Buffer.from('y'), 'buffer');
    const o = new Writable({ decodeStrings: false, write(c, e, cb) { ev('o', c, e); cb(); } });
    try { o.write('x', 'buffer'); } catch (e) { ev('err', e.code, e.message); }
    """

    def scenario(ev: Callable[..., None]) -> None:
        def write(c: Any, e: Any, cb: Callable[..., Any]) -> None:
            ev("_write", show(c), e)
            cb()

        w = Writable({"write": write})
        try:
            w.write("x", "buffer")
        except Exception as e:
            ev("err", e.code, str(e))  # type: ignore[attr-defined]
        w.write(b"y", "buffer")

        def owrite(c: Any, e: Any, cb: Callable[..., Any]) -> None:
            ev("o", c, e)
            cb()

        o = Writable({"decodeStrings": False, "write": owrite})
        try:
            o.write("x", "buffer")
        except Exception as e:
            ev("err", e.code, str(e))  # type: ignore[attr-defined]

    check(js, scenario)


# Node 24: [Symbol.asyncDispose] is an async function: a throwing destroy()
# rejects the promise instead of throwing.
@pytest.mark.parametrize("kind", ["Readable", "Writable"])
@pytest.mark.parametrize("throws", [False, True])
def test_async_dispose(kind: str, throws: bool) -> None:
    js = f"""
    const s = new {kind}({{ read() {{}}, write(c, e, cb) {{ cb(); }} }});
    if ({str(throws).lower()}) s.destroy = () => {{ throw new Error('nope'); }};
    s.on('close', () => ev('close'));
    s.on('error', (e) => ev('error', e.name));
    let p;
    try {{ p = s[Symbol.asyncDispose](); ev('returned'); }} catch (e) {{ ev('threw', e.message); }}
    p.then(() => ev('resolved', s.destroyed), (e) => ev('rejected', e.message));
    """

    def scenario(ev: Callable[..., None]) -> None:
        cls = Readable if kind == "Readable" else Writable
        s: Any = cls({"read": nop, "write": lambda c, e, cb: cb()})
        if throws:

            def destroy(*_: Any) -> None:
                raise Exception("nope")

            s.destroy = destroy
        s.on("close", lambda: ev("close"))
        s.on("error", lambda e: ev("error", e.name))
        p = s.asyncDispose()
        ev("returned")
        p.then(lambda _v: ev("resolved", s.destroyed), lambda e: ev("rejected", str(e)))

    check(js, scenario)


# Node 24: finished() on a stream whose outcome is known settles on the next tick with
# the outcome of the call time, listening to nothing but a no-op 'error' listener (Node
# 20 added its end/finish/close/error listeners and looked again on that tick).
@pytest.mark.parametrize("how", ["closed", "errored", "ended", "cleanup"])
def test_finished_immediate_result(how: str) -> None:
    js = f"""
    const r = new Readable({{ read() {{}} }});
    r.on('error', () => {{}});
    if ('{how}' === 'errored') r.destroy(new Error('boom'));
    else if ('{how}' === 'ended') {{ r.push(null); r.resume(); }}
    else r.destroy();
    setImmediate(() => {{
      const cleanup = stream.finished(r, (err) => ev('finished', err ? err.message : null));
      ev('listeners', r.listenerCount('close'), r.listenerCount('end'),
         r.listenerCount('error'));
      if ('{how}' === 'cleanup') {{ cleanup(); ev('after cleanup', r.listenerCount('error')); }}
      process.nextTick(() => ev('tick'));
    }});
    """

    def scenario(ev: Callable[..., None]) -> None:
        r = Readable({"read": nop})
        r.on("error", nop)
        if how == "errored":
            r.destroy(Exception("boom"))
        elif how == "ended":
            r.push(None)
            r.resume()
        else:
            r.destroy()

        def later() -> None:
            cleanup = stream.finished(r, lambda err=None: ev("finished", str(err) if err else None))
            ev(
                "listeners",
                r.listenerCount("close"),
                r.listenerCount("end"),
                r.listenerCount("error"),
            )
            if how == "cleanup":
                cleanup()
                ev("after cleanup", r.listenerCount("error"))
            next_tick(lambda: ev("tick"))

        setImmediate(later)

    check(js, scenario)


# Node 24: an aborted signal settles finished() with an AbortError without listening.
def test_finished_aborted_signal() -> None:
    js = """
    const r = new Readable({ read() {} });
    const ac = new AbortController(); ac.abort();
    stream.finished(r, { signal: ac.signal }, (err) => ev('finished', err.name));
    ev('listeners', r.listenerCount('close'), r.listenerCount('error'));
    """

    def scenario(ev: Callable[..., None]) -> None:
        from nodenet_uv.abort_controller import AbortController

        r = Readable({"read": nop})
        ac = AbortController()
        ac.abort()
        stream.finished(r, {"signal": ac.signal}, lambda err: ev("finished", err.name))
        ev("listeners", r.listenerCount("close"), r.listenerCount("error"))

    check(js, scenario)


# Node 24: pipeline() into a closed or destroyed stream throws ERR_STREAM_UNABLE_TO_PIPE;
# a later error replaces an AbortError as the pipeline's error.
def test_pipeline_unable_to_pipe_and_error_precedence() -> None:
    js = """
    const d = new PassThrough(); d.destroy();
    try { stream.pipeline(new PassThrough(), d, () => ev('cb')); }
    catch (e) { ev('throw', e.code, e.message); }
    const a = new PassThrough(); const b = new PassThrough();
    stream.pipeline(a, b, (err) => ev('pipeline', err.name, err.message));
    const abortErr = new Error('aborted'); abortErr.name = 'AbortError';
    a.destroy(abortErr);
    b.destroy(new Error('later'));
    """

    def scenario(ev: Callable[..., None]) -> None:
        d = PassThrough()
        d.destroy()
        try:
            stream.pipeline(PassThrough(), d, lambda err=None: ev("cb"))
        except Exception as e:
            ev("throw", e.code, str(e))  # type: ignore[attr-defined]
        a = PassThrough()
        b = PassThrough()
        stream.pipeline(a, b, lambda err: ev("pipeline", getattr(err, "name", "Error"), str(err)))
        abort_err = Exception("aborted")
        abort_err.name = "AbortError"  # type: ignore[attr-defined]
        a.destroy(abort_err)
        b.destroy(Exception("later"))

    check(js, scenario)


# Node 24: Readable.from() runs a `destroy` given in its options before closing the
# iterator; the two errors are aggregated (Node 20 ignored the option's destroy).
def test_readable_from_keeps_destroy_option() -> None:
    js = """
    function* gen() {
      try { yield 1; yield 2; }
      finally { ev('gen finally'); throw new Error('close err'); }
    }
    const r = Readable.from(gen(), { destroy(err, cb) {
      ev('user destroy', err && err.message); cb(new Error('user err')); } });
    r.on('error', (e) => ev('error', e.name, e.message,
                            e.errors ? e.errors.map((x) => x.message) : null));
    r.on('close', () => ev('close'));
    r.on('data', (d) => { ev('data', d); r.destroy(new Error('orig')); });
    """

    def scenario(ev: Callable[..., None]) -> None:
        def gen() -> Any:
            try:
                yield 1
                yield 2
            finally:
                ev("gen finally")
                raise Exception("close err")

        def destroy(err: Any, cb: Callable[..., Any]) -> None:
            ev("user destroy", str(err) if err else None)
            cb(Exception("user err"))

        r = Readable.from_(gen(), {"destroy": destroy})  # type: ignore[attr-defined]
        r.on(
            "error",
            lambda e: ev(
                "error",
                getattr(e, "name", "Error"),
                str(e),
                [str(x) for x in e.errors] if getattr(e, "errors", None) else None,
            ),
        )
        r.on("close", lambda: ev("close"))

        def on_data(d: Any) -> None:
            ev("data", d)
            r.destroy(Exception("orig"))

        r.on("data", on_data)

    check(js, scenario)


# Node 24 duplexify: an async function body that returns without consuming its input
# destroys the duplex (nodejs/node#55077); a {readable, writable} pair's readable error
# destroys the writable (Node 20: neither; the async-generator duplex destroyed while
# waiting for a write did not close either).
def test_duplex_from_node24() -> None:
    js = """
    const d = Duplex.from(async function(source) {
      for await (const c of source) { ev('got', String(c)); break; } });
    d.on('close', () => ev('d close', d.destroyed));
    d.on('error', (e) => ev('d error', e.code));
    d.write('a'); d.write('b');
    const r = new PassThrough(); const w = new PassThrough();
    const p = Duplex.from({ readable: r, writable: w });
    w.on('close', () => ev('w close', w.destroyed, w.errored && w.errored.message));
    r.on('close', () => ev('r close'));
    p.on('error', (e) => ev('p error', e.message));
    r.destroy(new Error('r boom'));
    const g = Duplex.from(async function*(source) { for await (const c of source) yield c; });
    g.on('close', () => ev('g close'));
    g.on('error', (e) => ev('g error', e.name));
    g.resume();
    setImmediate(() => g.destroy());
    """

    def scenario(ev: Callable[..., None]) -> None:
        async def body(source: Any) -> None:
            async for c in source:
                ev("got", c if isinstance(c, str) else c.decode())
                break

        d = Duplex.from_(body)
        d.on("close", lambda: ev("d close", d.destroyed))
        d.on("error", lambda e: ev("d error", getattr(e, "code", repr(e))))
        d.write("a")
        d.write("b")
        r = PassThrough()
        w = PassThrough()
        p = Duplex.from_({"readable": r, "writable": w})
        w.on("close", lambda: ev("w close", w.destroyed, str(w.errored) if w.errored else None))
        r.on("close", lambda: ev("r close"))
        p.on("error", lambda e: ev("p error", str(e)))
        r.destroy(Exception("r boom"))

        async def gen(source: Any) -> Any:
            async for c in source:
                yield c

        g = Duplex.from_(gen)
        g.on("close", lambda: ev("g close"))
        g.on("error", lambda e: ev("g error", e.name))
        g.resume()
        setImmediate(lambda: g.destroy())

    check(js, scenario)
