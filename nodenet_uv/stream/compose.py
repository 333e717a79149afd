"""Port of Node.js lib/internal/streams/compose.js: stream.compose(...streams).

Combines streams (and async generator functions, iterables, ... as ``pipeline`` takes
them) into one Duplex: writes go to the first stream, reads come from the last. A
single argument is ``Duplex.from(stream)``.

DIVERGENCE: no web streams here (``isWebStream`` is never true for our objects), so
Node's WritableStream/ReadableStream branches of the head and tail are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv import errors
from nodenet_uv._internal.naming import alias_module
from nodenet_uv.stream.destroy import destroyer
from nodenet_uv.stream.duplex import Duplex
from nodenet_uv.stream.end_of_stream import eos
from nodenet_uv.stream.pipeline import pipeline
from nodenet_uv.stream.utils import (
    isNodeStream,
    isReadable,
    isReadableStream,
    isTransformStream,
    isWebStream,
    isWritable,
    isWritableStream,
)

__all__ = ["compose"]


def compose(*streams: Any) -> Duplex:
    """stream.compose(...streams): one Duplex writing to the first, reading the last."""
    if len(streams) == 0:
        raise errors.ERR_MISSING_ARGS("streams")

    if len(streams) == 1:
        return Duplex.from_(streams[0])

    orgStreams = list(streams)
    lst = list(streams)

    if callable(lst[0]) and not isNodeStream(lst[0]):
        lst[0] = Duplex.from_(lst[0])

    if callable(lst[-1]) and not isNodeStream(lst[-1]):
        idx = len(lst) - 1
        lst[idx] = Duplex.from_(lst[idx])

    for n in range(len(lst)):
        if not isNodeStream(lst[n]) and not isWebStream(lst[n]):
            # TODO(ronag): Add checks for non streams.
            continue
        if n < len(lst) - 1 and not (
            isReadable(lst[n]) or isReadableStream(lst[n]) or isTransformStream(lst[n])
        ):
            raise errors.ERR_INVALID_ARG_VALUE(f"streams[{n}]", orgStreams[n], "must be readable")
        if n > 0 and not (
            isWritable(lst[n]) or isWritableStream(lst[n]) or isTransformStream(lst[n])
        ):
            raise errors.ERR_INVALID_ARG_VALUE(f"streams[{n}]", orgStreams[n], "must be writable")

    ondrain: Callable[..., Any] | None = None
    onfinish: Callable[..., Any] | None = None
    # JS undefined (never set) vs null (taken): d._destroy below tells them apart.
    onclose: Any = _UNDEFINED
    d: Duplex

    def onfinished(err: Any = None, *_: Any) -> None:
        nonlocal onclose
        cb = onclose
        onclose = None

        if cb is not None and cb is not _UNDEFINED:
            cb(err)
        elif err:
            d.destroy(err)
        elif not readable and not writable:
            d.destroy()

    head = lst[0]
    tail = pipeline(lst, onfinished)

    writable = bool(isWritable(head) or isWritableStream(head) or isTransformStream(head))
    readable = bool(isReadable(tail) or isReadableStream(tail) or isTransformStream(tail))

    # TODO(ronag): Avoid double buffering.
    # Implement Writable/Readable/Duplex traits.
    # See, https://github.com/nodejs/node/pull/33515.
    d = Duplex(
        {
            # TODO (ronag): highWaterMark?
            "writableObjectMode": bool(getattr(head, "writableObjectMode", False)),
            "readableObjectMode": bool(getattr(tail, "readableObjectMode", False)),
            "writable": writable,
            "readable": readable,
        }
    )

    if writable:
        if isNodeStream(head):

            def _write(chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
                nonlocal ondrain
                if head.write(chunk, encoding):
                    callback()
                else:
                    ondrain = callback

            d._write = _write

            def _final(callback: Callable[..., Any]) -> None:
                nonlocal onfinish
                head.end()
                onfinish = callback

            d._final = _final

            def on_drain(*_: Any) -> None:
                nonlocal ondrain
                if ondrain is not None:
                    cb = ondrain
                    ondrain = None
                    cb()

            head.on("drain", on_drain)

        toRead = getattr(tail, "readable", None) if isTransformStream(tail) else tail

        def on_tail_finished(*_: Any) -> None:
            nonlocal onfinish
            if onfinish is not None:
                cb = onfinish
                onfinish = None
                cb()

        eos(toRead, on_tail_finished)

    if readable:
        if isNodeStream(tail):
            # Node 24: the tail flows ('data' + pause/resume) instead of being read on
            # 'readable'.
            def _read(n: Any = None) -> None:
                tail.resume()

            d._read = _read  # type: ignore[method-assign]

            def on_data(chunk: Any) -> None:
                if not d.push(chunk):
                    tail.pause()

            tail.on("data", on_data)

            def on_end(*_: Any) -> None:
                d.push(None)

            tail.on("end", on_end)

    def _destroy(err: Any, callback: Callable[..., Any]) -> None:
        nonlocal ondrain, onfinish, onclose
        if not err and onclose is not None:
            err = errors.AbortError()

        ondrain = None
        onfinish = None

        if isNodeStream(tail):
            destroyer(tail, err)

        if onclose is None:
            callback(err)
        else:
            onclose = callback

    d._destroy = _destroy  # type: ignore[method-assign, assignment]

    return d


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "undefined"


_UNDEFINED: Any = _Undefined()

__all__ += alias_module(globals(), __all__)
