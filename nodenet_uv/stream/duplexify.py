"""Port of Node.js lib/internal/streams/duplexify.js: Duplex.from(body).

``body`` may be a Duplex (returned as is), a Readable or a Writable (wrapped), a sync or
async iterable (the readable side), an async generator function ``fn(source, {signal})``
(a transform: ``source`` yields what is written), an ``async def`` function taking the
source (a writable: it consumes what is written), a ``{'readable': ..., 'writable': ...}``
pair, or a Promise (its value is the one chunk read).

DIVERGENCE: no Blob and no web streams here, so Node's ``isBlob``/``ReadableStream``/
``WritableStream`` branches are left out (such a body falls through to the
ERR_INVALID_ARG_TYPE that lists them, as an unknown body does in Node).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from nodenet_uv import errors
from nodenet_uv._internal.arity import arg_limit, call_limited
from nodenet_uv._internal.async_generator import AsyncGenerator
from nodenet_uv._internal.inspect import js_get
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.stream.destroy import destroyer
from nodenet_uv.stream.duplex import Duplex
from nodenet_uv.stream.end_of_stream import eos
from nodenet_uv.stream.from_ import from_
from nodenet_uv.stream.readable import Readable
from nodenet_uv.stream.utils import (
    isDuplexNodeStream,
    isIterable,
    isNodeStream,
    isReadable,
    isReadableNodeStream,
    isWritable,
    isWritableNodeStream,
)

__all__ = ["Duplexify", "duplexify"]


# This is needed for pre node 17.
class Duplexify(Duplex):
    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        super().__init__(options, **kwargs)

        # https://github.com/nodejs/node/pull/34385

        if isinstance(options, dict) and options.get("readable") is False:
            self._readableState.readable = False
            self._readableState.ended = True
            self._readableState.endEmitted = True

        if isinstance(options, dict) and options.get("writable") is False:
            self._writableState.writable = False
            self._writableState.ending = True
            self._writableState.ended = True
            self._writableState.finished = True


def duplexify(body: Any, name: str) -> Any:
    if isDuplexNodeStream(body):
        return body

    if isReadableNodeStream(body):
        return _duplexify({"readable": body})

    if isWritableNodeStream(body):
        return _duplexify({"writable": body})

    if isNodeStream(body):
        return _duplexify({"writable": False, "readable": False})

    if callable(body):
        gen = fromAsyncGen(body)
        value = gen["value"]
        write = gen["write"]
        final = gen["final"]
        destroy = gen["destroy"]

        # Body might be a constructor function instead of an async generator function.
        if isDuplexNodeStream(value):
            return value

        if isIterable(value):
            return from_(
                Duplexify,
                value,
                {
                    # TODO (ronag): highWaterMark?
                    "objectMode": True,
                    "write": write,
                    "final": final,
                    "destroy": destroy,
                },
            )

        then = getattr(value, "then", None)
        if callable(then):
            d: Any = None
            # Tracks whether writable final() has started.
            finalized = False

            def on_value(val: Any) -> None:
                if val is not None:
                    raise errors.ERR_INVALID_RETURN_VALUE("nully", "body", val)
                # The async function returned without (fully) consuming the input.
                # Destroy the duplex so that pipeline propagates destruction
                # upstream. See https://github.com/nodejs/node/issues/55077.
                if not finalized:
                    destroyer(d)

            def on_error(err: Any) -> None:
                destroyer(d, err)

            promise = then(on_value, on_error)

            def final_(cb: Callable[..., Any]) -> None:
                nonlocal finalized
                finalized = True

                async def settle() -> None:
                    try:
                        await promise
                        next_tick(cb, None)
                    except Exception as err:
                        next_tick(cb, err)

                final(lambda: spawn(settle()))

            d = Duplexify(
                {
                    # TODO (ronag): highWaterMark?
                    "objectMode": True,
                    "readable": False,
                    "write": write,
                    "final": final_,
                    "destroy": destroy,
                }
            )
            return d

        raise errors.ERR_INVALID_RETURN_VALUE(
            "Iterable, AsyncIterable or AsyncFunction", name, value
        )

    if isIterable(body) and not isinstance(body, dict):
        return from_(
            Duplexify,
            body,
            {
                # TODO (ronag): highWaterMark?
                "objectMode": True,
                "writable": False,
            },
        )

    pair_readable = js_get(body, "readable")
    pair_writable = js_get(body, "writable")
    if (pair_readable is not None and not isinstance(pair_readable, (bool, int, float, str))) or (
        pair_writable is not None and not isinstance(pair_writable, (bool, int, float, str))
    ):
        readable = (
            (
                pair_readable
                if isReadableNodeStream(pair_readable)
                else duplexify(pair_readable, name)
            )
            if pair_readable
            else None
        )

        writable = (
            (
                pair_writable
                if isWritableNodeStream(pair_writable)
                else duplexify(pair_writable, name)
            )
            if pair_writable
            else None
        )

        return _duplexify({"readable": readable, "writable": writable})

    then = getattr(body, "then", None)
    if callable(then):
        d2: Any = None

        def on_body_value(val: Any) -> None:
            if val is not None:
                d2.push(val)
            d2.push(None)

        def on_body_error(err: Any) -> None:
            destroyer(d2, err)

        then(on_body_value, on_body_error)

        d2 = Duplexify(
            {
                "objectMode": True,
                "writable": False,
                "read": lambda *_: None,
            }
        )
        return d2

    raise errors.ERR_INVALID_ARG_TYPE(
        name,
        [
            "Blob",
            "ReadableStream",
            "WritableStream",
            "Stream",
            "Iterable",
            "AsyncIterable",
            "Function",
            "{ readable, writable } pair",
            "Promise",
        ],
        body,
    )


def _deferred() -> tuple[Promise, Callable[[Any], None]]:
    """internal/util.js createDeferredPromise(): the promise and its resolve."""
    promise = Promise()
    return promise, promise.resolve_


def fromAsyncGen(fn: Callable[..., Any]) -> dict[str, Any]:
    promise: Promise | None
    resolve: Callable[[Any], None] | None
    promise, resolve = _deferred()
    ac = AbortController()
    signal = ac.signal

    async def source() -> AsyncIterator[Any]:
        nonlocal promise, resolve
        while True:
            _promise = promise
            promise = None
            msg = await _promise  # type: ignore[misc]
            next_tick(msg["cb"])
            if msg["done"]:
                return
            if signal.aborted:
                raise errors.AbortError(None, cause=signal.reason)
            promise, resolve = _deferred()
            yield msg["chunk"]

    value = call_limited(fn, arg_limit(fn), (AsyncGenerator(source()), {"signal": signal}))
    if isinstance(value, Coroutine):
        # An async function: its promise.
        value = spawn(value)
    elif inspect.isasyncgen(value):
        # An async generator function: JS's queueing of next/throw/return on it.
        value = AsyncGenerator(value)

    def write(chunk: Any, encoding: Any, cb: Callable[..., Any]) -> None:
        nonlocal resolve
        _resolve = resolve
        resolve = None
        _resolve({"chunk": chunk, "done": False, "cb": cb})  # type: ignore[misc]

    def final(cb: Callable[..., Any]) -> None:
        nonlocal resolve
        _resolve = resolve
        resolve = None
        _resolve({"done": True, "cb": cb})  # type: ignore[misc]

    def destroy(err: Any, cb: Callable[..., Any]) -> None:
        nonlocal resolve
        ac.abort(err)

        # If the source async iterator is waiting for the next write/final
        # signal, unblock it so the readable side can observe the abort and
        # finish destroying.
        if resolve is not None:
            _resolve = resolve
            resolve = None
            _resolve({"done": True, "cb": lambda *_: None})

        cb(err)

    return {"value": value, "write": write, "final": final, "destroy": destroy}


def _duplexify(pair: dict[str, Any]) -> Duplexify:
    r: Any = pair.get("readable")
    if r and not callable(getattr(r, "read", None)):
        r = Readable.wrap(r)  # type: ignore[attr-defined]
    w: Any = pair.get("writable")

    readable = bool(isReadable(r))
    writable = bool(isWritable(w))

    ondrain: Callable[..., Any] | None = None
    onfinish: Callable[..., Any] | None = None
    onreadable: Callable[..., Any] | None = None
    # JS undefined (never set) vs null (taken): the _destroy below tells them apart.
    onclose: Any = _UNDEFINED

    def onfinished(err: Any = None) -> None:
        nonlocal onclose
        cb = onclose
        onclose = None

        if cb is not None and cb is not _UNDEFINED:
            cb(err)
        elif err:
            d.destroy(err)

    # TODO(ronag): Avoid double buffering.
    # Implement Writable/Readable/Duplex traits.
    # See, https://github.com/nodejs/node/pull/33515.
    d = Duplexify(
        {
            # TODO (ronag): highWaterMark?
            "readableObjectMode": bool(getattr(r, "readableObjectMode", False)),
            "writableObjectMode": bool(getattr(w, "writableObjectMode", False)),
            "readable": readable,
            "writable": writable,
        }
    )

    if writable:

        def on_w_finished(err: Any = None) -> None:
            nonlocal writable
            writable = False
            if err:
                destroyer(r, err)
            onfinished(err)

        eos(w, on_w_finished)

        def _write(chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
            nonlocal ondrain
            if w.write(chunk, encoding):
                callback()
            else:
                ondrain = callback

        d._write = _write

        def _final(callback: Callable[..., Any]) -> None:
            nonlocal onfinish
            w.end()
            onfinish = callback

        d._final = _final

        def on_drain(*_: Any) -> None:
            nonlocal ondrain
            if ondrain is not None:
                cb = ondrain
                ondrain = None
                cb()

        w.on("drain", on_drain)

        def on_finish(*_: Any) -> None:
            nonlocal onfinish
            if onfinish is not None:
                cb = onfinish
                onfinish = None
                cb()

        w.on("finish", on_finish)

    if readable:

        def on_r_finished(err: Any = None) -> None:
            nonlocal readable
            readable = False
            if err:
                # Node 24: the readable side's error destroys the writable side (Node
                # 20 destroyed `r` again).
                destroyer(w, err)
            onfinished(err)

        eos(r, on_r_finished)

        def on_readable(*_: Any) -> None:
            nonlocal onreadable
            if onreadable is not None:
                cb = onreadable
                onreadable = None
                cb()

        r.on("readable", on_readable)

        def on_end(*_: Any) -> None:
            d.push(None)

        r.on("end", on_end)

        def _read(n: Any = None) -> None:
            nonlocal onreadable
            while True:
                buf = r.read()

                if buf is None:
                    onreadable = _read
                    return

                if not d.push(buf):
                    return

        d._read = _read  # type: ignore[method-assign]

    def _destroy(err: Any, callback: Callable[..., Any]) -> None:
        nonlocal onreadable, ondrain, onfinish, onclose
        if not err and onclose is not None:
            err = errors.AbortError()

        onreadable = None
        ondrain = None
        onfinish = None

        if onclose is None:
            callback(err)
        else:
            onclose = callback
            destroyer(w, err)
            destroyer(r, err)

    d._destroy = _destroy  # type: ignore[method-assign, assignment]

    return d


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "undefined"


_UNDEFINED: Any = _Undefined()
