"""The binding's hand-inlined copies (``# INLINED(...)``) behave as the code they copy.

``LibuvStreamWrap._on_read`` inlines ``loop.make_callback`` (InternalMakeCallback): each
case runs the same onread through both and compares what happened (the listener's calls,
which ticks ran, what reached 'uncaughtException'). ``tryWriteBuffer`` inlines
``HandleWrap.is_alive``: a closed handle gets UV_EINVAL from it as from writeBuffer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import process, run
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv
from nodenet_uv._binding.stream_wrap import WriteWrap
from nodenet_uv._binding.tcp_wrap import TCP


def _scenario(kind: str, log: list[str]) -> Callable[..., None]:
    def onread(handle: Any, nread: int, buf: Any) -> None:
        log.append(f"onread {nread}")
        process.nextTick(lambda: log.append("tick 1"))
        if kind == "tick-throws":
            process.nextTick(lambda: (_ for _ in ()).throw(ValueError("from tick")))
        process.nextTick(lambda: log.append("tick 2"))
        if kind == "onread-throws":
            raise ValueError("from onread")

    return onread


def _run_case(kind: str, inlined: bool) -> list[str]:
    log: list[str] = []
    process.on("uncaughtException", lambda err, *_: log.append(f"uncaught {err}"))
    handle = TCP()
    onread = _scenario(kind, log)
    if inlined:
        handle.onread = onread
        handle._on_read(handle._h, b"abc", None)
    else:
        _loop.make_callback(onread, handle, 3, b"abc")
    log.append("after callback")
    handle.close()
    run()  # what a failed scope left waits for the next scope
    process.removeAllListeners("uncaughtException")
    return log


@pytest.mark.parametrize("kind", ["ok", "onread-throws", "tick-throws"])
def test_on_read_is_make_callback(kind: str) -> None:
    assert _run_case(kind, inlined=True) == _run_case(kind, inlined=False)


def test_try_write_buffer_on_a_closed_handle_is_einval_like_write_buffer() -> None:
    handle = TCP()
    handle.close()
    run()
    assert handle.tryWriteBuffer(b"x", 1) == uv.UV_EINVAL
    assert handle.writeBuffer(WriteWrap(), b"x") == uv.UV_EINVAL
    assert handle.bytesWritten == 0
