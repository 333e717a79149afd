"""The hand-inlined hot paths (``# INLINED(...)``) behave as the Node functions they copy.

``Readable.push`` inlines readableAddChunkPushByteMode + addChunk + maybeReadMore +
canPushMore for a bytes chunk; ``Writable.write`` inlines _write + writeOrBuffer for a
bytes chunk without encoding or callback. Each scenario runs twice: as is (the inlined
path taken where it applies) and with the method forced onto the general (slow) path,
which is the plain port of Node's functions. Events, return values and state must agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Duplex, PassThrough, Readable, Writable
from nodenet_uv.stream import readable as readable_mod
from nodenet_uv.stream import writable as writable_mod
from nodenet_uv.timers import setImmediate


def _slow_push(self: Any, chunk: Any, encoding: Any = None) -> bool:
    state = self._readableState
    if state.objectMode:
        return readable_mod.readableAddChunkPushObjectMode(self, state, chunk, encoding)
    return readable_mod.readableAddChunkPushByteMode(self, state, chunk, encoding)


def _slow_write(self: Any, chunk: Any, encoding: Any = None, cb: Any = None) -> bool:
    if encoding is not None and callable(encoding):
        cb = encoding
        encoding = None
    return writable_mod._write(self, chunk, encoding, cb) is True


def _force_slow(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(Readable, "push", _slow_push)
    mp.setattr(Writable, "write", _slow_write)
    # Duplex copied Writable.write when it was defined.
    mp.setattr(Duplex, "write", _slow_write)


def _both_paths(scenario: Callable[..., None], fn: str) -> None:
    """Run ``scenario`` inlined, then forced slow; the traces must be equal, and the
    inlined run must have skipped the general function ``fn`` at least once."""
    module = readable_mod if fn == "readableAddChunkPushByteMode" else writable_mod
    real = getattr(module, fn)
    general_calls = 0

    def spy(*a: Any) -> Any:
        nonlocal general_calls
        general_calls += 1
        return real(*a)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(module, fn, spy)
        inlined = _trace(scenario)
        inlined_general = general_calls
        _force_slow(mp)
        slow = _trace(scenario)
    assert slow == inlined
    # The slow run calls the general function for every chunk; the inlined one did not.
    assert general_calls - inlined_general > inlined_general


def _trace(scenario: Callable[[Callable[..., None]], None]) -> list[Any]:
    trace: list[Any] = []
    scenario(lambda *a: trace.append(list(a)))
    run()
    return trace


def _rstate(r: Readable) -> list[Any]:
    s = r._readableState
    return [
        s.length,
        s.flowing,
        s.needReadable,
        s.emittedReadable,
        s.readingMore,
        s.reading,
        s.ended,
        s.dataEmitted,
        r.readableEnded,
    ]


def _wstate(w: Any) -> list[Any]:
    s = w._writableState
    return [s.length, s.writing, s.needDrain, s.pendingcb, s.writelen, w.writableFinished]


# -- Readable.push ---------------------------------------------------------------------


def _flowing_async(ev: Callable[..., None]) -> None:
    chunks = [b"a" * 3, b"b" * 5, b"c", b"d" * 7]

    def read(_n: Any) -> None:
        def later() -> None:
            if chunks:
                c = chunks.pop(0)
                ev("push", len(c), r.push(c), _rstate(r))
            else:
                ev("eof", r.push(None))

        setImmediate(later)

    r = Readable({"read": read, "highWaterMark": 4})
    r.on("data", lambda d: ev("data", d, _rstate(r)))
    r.on("end", lambda: ev("end", _rstate(r)))
    r.on("close", lambda: ev("close"))


def _paused_readable_listener(ev: Callable[..., None]) -> None:
    r = Readable({"read": lambda n: None, "highWaterMark": 5})

    def on_readable() -> None:
        ev("readable", _rstate(r))
        while (c := r.read(2)) is not None:
            ev("read", c)

    r.on("readable", on_readable)
    r.on("end", lambda: ev("end"))
    for c in (b"xy", b"z", b"uvw", b"0123456789"):
        ev("push", r.push(c), _rstate(r))

    def later() -> None:
        ev("push", r.push(b"late"), _rstate(r))
        ev("push", r.push(None), _rstate(r))

    setImmediate(later)


def _sync_pushes_then_flow(ev: Callable[..., None]) -> None:
    r = Readable({"read": lambda n: None, "highWaterMark": 3})
    for c in (b"a", b"bc", b"def", b"ghij"):
        ev("push", r.push(c), _rstate(r))

    def later() -> None:
        r.on("data", lambda d: ev("data", d, _rstate(r)))
        setImmediate(lambda: (ev("push", r.push(b"k"), _rstate(r)), r.push(None)))

    setImmediate(later)
    r.on("end", lambda: ev("end"))


def _pipe_through(ev: Callable[..., None]) -> None:
    src = Readable({"read": lambda n: None, "highWaterMark": 2})
    p = PassThrough({"highWaterMark": 2})
    sink = Writable(
        {
            "highWaterMark": 3,
            "write": lambda c, e, cb: (ev("sink", c), setImmediate(cb)),
        }
    )
    src.pipe(p).pipe(sink)
    sink.on("finish", lambda: ev("finish"))
    sink.on("drain", lambda: ev("drain", _wstate(sink)))

    def feed(i: int) -> None:
        if i == 6:
            src.push(None)
            return
        ev("push", src.push(bytes([97 + i]) * (i + 1)), _rstate(src))
        setImmediate(lambda: feed(i + 1))

    feed(0)


@pytest.mark.parametrize(
    "scenario",
    [_flowing_async, _paused_readable_listener, _sync_pushes_then_flow, _pipe_through],
    ids=lambda f: f.__name__.strip("_"),
)
def test_push_paths_agree(scenario: Callable[..., None]) -> None:
    _both_paths(scenario, "readableAddChunkPushByteMode")


# -- Writable.write --------------------------------------------------------------------


def _writes_sync_and_async(ev: Callable[..., None]) -> None:
    def write(c: Any, e: Any, cb: Callable[..., Any]) -> None:
        ev("_write", c, e, _wstate(w))
        if len(c) % 2:
            cb()
        else:
            setImmediate(cb)

    w = Writable({"write": write, "highWaterMark": 4})
    w.on("drain", lambda: ev("drain", _wstate(w)))
    w.on("finish", lambda: ev("finish"))
    w.on("close", lambda: ev("close"))
    for c in (b"a", b"bb", b"ccc", b"dddd", b"", b"e"):
        ev("write", c, w.write(c), _wstate(w))

    def later() -> None:
        ev("write", w.write(b"ffffff"), _wstate(w))
        w.end(b"g")

    setImmediate(later)


def _writes_with_errors(ev: Callable[..., None]) -> None:
    def write(c: Any, e: Any, cb: Callable[..., Any]) -> None:
        ev("_write", c)
        cb(Exception("bad") if c == b"x" else None)

    w = Writable({"write": write})
    w.on("error", lambda e: ev("error", str(e)))
    w.on("close", lambda: ev("close"))
    ev("write", w.write(b"ok"), _wstate(w))
    ev("write", w.write(b"x"), _wstate(w))
    ev("write", w.write(b"after"), _wstate(w))


def _duplex_writes(ev: Callable[..., None]) -> None:
    def write(c: Any, e: Any, cb: Callable[..., Any]) -> None:
        ev("_write", c)
        d.push(c.upper())
        cb()

    d = Duplex({"write": write, "read": lambda n: None, "writableHighWaterMark": 2})
    d.on("data", lambda c: ev("data", c))
    for c in (b"ab", b"c"):
        ev("write", d.write(c), _wstate(d))
    d.cork()
    ev("write", d.write(b"corked"), _wstate(d))
    d.uncork()
    d.end()
    d.on("finish", lambda: (ev("finish"), d.push(None)))


@pytest.mark.parametrize(
    "scenario",
    [_writes_sync_and_async, _writes_with_errors, _duplex_writes],
    ids=lambda f: f.__name__.strip("_"),
)
def test_write_paths_agree(scenario: Callable[..., None]) -> None:
    _both_paths(scenario, "_write")


def test_slow_path_is_really_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patched methods skip the inlined code: the general functions are called."""
    calls: list[str] = []
    real_push = readable_mod.readableAddChunkPushByteMode
    real_write = writable_mod._write

    def spy_push(*a: Any) -> Any:
        calls.append("push")
        return real_push(*a)

    def spy_write(*a: Any) -> Any:
        calls.append("write")
        return real_write(*a)

    monkeypatch.setattr(readable_mod, "readableAddChunkPushByteMode", spy_push)
    monkeypatch.setattr(writable_mod, "_write", spy_write)
    r = Readable({"read": lambda n: None})
    r.push(b"x")  # sync (state.sync): still the inlined path
    w = Writable({"write": lambda c, e, cb: cb()})
    w.write(b"x")
    assert calls == []
    monkeypatch.setattr(Readable, "push", _slow_push)
    monkeypatch.setattr(Writable, "write", _slow_write)
    r.push(b"y")
    w.write(b"y")
    assert calls == ["push", "write"]
    r.destroy()
    w.destroy()
    run()
