"""Port of Node.js lib/internal/streams/pipeline.js: pipeline(...streams, callback).

Streams are Readable/Writable/Duplex/Transform, sync or async iterables (the first
stage), or functions: the first is called as ``fn({'signal': signal})`` and must return
an iterable; later ones as ``fn(source, {'signal': signal})`` (an async generator
function is the usual one: ``async def upper(source): async for c in source: yield
c.upper()``); the last may also be an ``async def`` whose result is the pipeline's
value. Functions may declare fewer parameters than Node passes.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.arity import arg_limit
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.abort_controller import AbortController, addAbortListener
from nodenet_uv.stream import destroy as destroyImpl
from nodenet_uv.stream.end_of_stream import _once, eos
from nodenet_uv.stream.utils import (
    isDuplexNodeStream,
    isIterable,
    isNodeStream,
    isReadable,
    isReadableFinished,
    isReadableNodeStream,
    isReadableStream,
    isTransformStream,
    isWebStream,
)

__all__ = ["pipeline", "pipelineImpl"]


def destroyer(stream: Any, reading: bool, writing: bool) -> dict[str, Callable[..., Any]]:
    finished = False

    def on_close(*_: Any) -> None:
        nonlocal finished
        finished = True

    stream.on("close", on_close)

    def on_eos(err: Any = None) -> None:
        nonlocal finished
        finished = not err

    cleanup = eos(stream, {"readable": reading, "writable": writing}, on_eos)

    def destroy(err: Any = None) -> None:
        nonlocal finished
        if finished:
            return
        finished = True
        destroyImpl.destroyer(stream, err or errors.ERR_STREAM_DESTROYED("pipe"))

    return {"destroy": destroy, "cleanup": cleanup}


def popCallback(streams: list[Any]) -> Callable[..., Any]:
    # Streams should never be an empty array. It should always contain at least
    # a single stream. Therefore optimize for the average case instead of
    # checking for length === 0 as well.
    validators.validate_function(streams[-1] if streams else None, "streams[stream.length - 1]")
    cb: Callable[..., Any] = streams.pop()
    return cb


def makeAsyncIterable(val: Any) -> Any:
    if isIterable(val, True):
        return val
    elif isIterable(val):
        # DIVERGENCE: JS `for await` also takes a sync iterable (a Buffer, an array, a
        # generator); Python's `async for` does not, so the function stage gets an async
        # view of it.
        return from_sync_iterable(val)
    elif isReadableNodeStream(val):
        # Legacy streams are not Iterable.
        return from_readable(val)
    raise errors.ERR_INVALID_ARG_TYPE("val", ["Readable", "Iterable", "AsyncIterable"], val)


async def from_readable(val: Any) -> Any:
    from nodenet_uv.stream.readable import Readable

    async for chunk in Readable.__aiter__(val):
        yield chunk


async def from_sync_iterable(val: Any) -> Any:
    # JS's async-from-sync iterator: each value is awaited; an abrupt exit closes the
    # sync iterator (iterator.return()).
    it = _AsyncIter(val)
    try:
        while True:
            done, value = await it.next()
            if done:
                return
            yield value
    except GeneratorExit:
        await it.close()
        raise


class _AsyncIter:
    """`for await (x of iterable)`: async iterables as they are, sync ones value by value
    (each value awaited, as JS does), with iterator.return() on an abrupt exit."""

    __slots__ = ("_async", "_it")

    def __init__(self, iterable: Any) -> None:
        if hasattr(iterable, "__aiter__"):
            self._it = iterable.__aiter__()
            self._async = True
        else:
            self._it = iter(iterable)
            self._async = False

    async def next(self) -> tuple[bool, Any]:
        if self._async:
            try:
                value = await self._it.__anext__()
            except StopAsyncIteration:
                return True, None
            return False, value
        try:
            value = next(self._it)
        except StopIteration:
            return True, None
        return False, await Promise.resolve(value)

    async def close(self) -> None:
        if self._async:
            aclose = getattr(self._it, "aclose", None) or getattr(self._it, "return_", None)
            if aclose is not None:
                await aclose()
        else:
            close = getattr(self._it, "close", None)
            if close is not None:
                close()


async def pumpToNode(
    iterable: Any, writable: Any, finish: Callable[..., Any], opts: dict[str, Any]
) -> None:
    end = opts.get("end")
    error: Any = None
    onresolve: Callable[[], None] | None = None

    def resume(err: Any = None, *_: Any) -> None:
        nonlocal error, onresolve
        if err:
            error = err

        if onresolve is not None:
            callback = onresolve
            onresolve = None
            callback()

    def wait() -> Promise:
        def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
            nonlocal onresolve
            if error:
                reject(error)
            else:

                def on_resolve() -> None:
                    if error:
                        reject(error)
                    else:
                        resolve(None)

                onresolve = on_resolve

        return Promise(executor)

    writable.on("drain", resume)
    cleanup = eos(writable, {"readable": False}, resume)

    try:
        if writable.writableNeedDrain:
            await wait()

        it = _AsyncIter(iterable)
        while True:
            done, chunk = await it.next()
            if done:
                break
            try:
                if not writable.write(chunk):
                    await wait()
            except BaseException:
                await it.close()
                raise

        if end:
            writable.end()
            await wait()

        finish()
    except Exception as err:
        finish(errors.aggregateTwoErrors(error, err) if error is not err else err)
    finally:
        cleanup()
        writable.off("drain", resume)


def pipeline(*streams: Any) -> Any:
    """pipeline(source[, ...transforms], destination, callback) → the last stream."""
    lst = list(streams)
    return pipelineImpl(lst, _once(popCallback(lst)))


def _call_stage(fn: Callable[..., Any], *args: Any) -> Any:
    limit = arg_limit(fn)
    ret = fn(*args) if limit < 0 or limit >= len(args) else fn(*args[:limit])
    if isinstance(ret, Coroutine):
        # An async function returns a promise in JS.
        ret = spawn(ret)
    return ret


def _duplex_from(body: Any, name: str) -> Any:
    # DIVERGENCE: Duplex.from (duplexify.js) is not ported; what it would wrap is refused
    # with its own error, except a Duplex, which it returns as is.
    if isDuplexNodeStream(body):
        return body
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


def pipelineImpl(streams: list[Any], callback: Callable[..., Any], opts: Any = None) -> Any:
    if len(streams) == 1 and isinstance(streams[0], list):
        streams = streams[0]

    if len(streams) < 2:
        raise errors.ERR_MISSING_ARGS("streams")

    ac = AbortController()
    signal = ac.signal
    outer_signal = opts.get("signal") if isinstance(opts, dict) else None

    # Need to cleanup event listeners if last stream is readable
    # https://github.com/nodejs/node/issues/35452
    last_stream_cleanup: list[Callable[[], Any]] = []

    validators.validate_abort_signal(outer_signal, "options.signal")

    def abort(*_: Any) -> None:
        finishImpl(errors.AbortError(None, cause=getattr(outer_signal, "reason", None)))

    disposable = None
    if outer_signal:
        disposable = addAbortListener(outer_signal, abort)

    error: Any = None
    value: Any = None
    destroys: list[Callable[..., Any]] = []

    finish_count = 0

    def finish(err: Any = None, *_: Any) -> None:
        nonlocal finish_count
        finish_count -= 1
        finishImpl(err, finish_count == 0)

    def finishOnlyHandleError(err: Any = None, *_: Any) -> None:
        finishImpl(err, False)

    def finishImpl(err: Any, final: bool = False) -> None:
        nonlocal error
        # Node 24: an AbortError gives way to a later error, as a premature close does.
        if err and (
            not error
            or getattr(error, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
            or getattr(error, "name", None) == "AbortError"
        ):
            error = err

        if not error and not final:
            return

        while destroys:
            destroys.pop(0)(error)

        if disposable is not None:
            disposable.dispose()
        ac.abort()

        if final:
            if not error:
                for fn in last_stream_cleanup:
                    fn()
            next_tick(callback, error, value)

    ret: Any = None
    end_opt = opts.get("end") if isinstance(opts, dict) else None
    n = len(streams)
    for i, stream in enumerate(streams):
        reading = i < n - 1
        writing = i > 0
        next_ = streams[i + 1] if i + 1 < n else None
        end = reading or end_opt is not False
        is_last_stream = i == n - 1

        if isNodeStream(stream):
            if next_ is not None and (
                getattr(next_, "closed", None) or getattr(next_, "destroyed", None)
            ):
                raise errors.ERR_STREAM_UNABLE_TO_PIPE()

            if end:
                d = destroyer(stream, reading, writing)
                destroys.append(d["destroy"])

                if isReadable(stream) and is_last_stream:
                    last_stream_cleanup.append(d["cleanup"])

            # Catch stream errors that occur after pipe/pump has completed.
            def on_error(err: Any = None) -> None:
                if (
                    err
                    and getattr(err, "name", None) != "AbortError"
                    and getattr(err, "code", None) != "ERR_STREAM_PREMATURE_CLOSE"
                ):
                    finishOnlyHandleError(err)

            stream.on("error", on_error)
            if isReadable(stream) and is_last_stream:

                def remove_on_error(stream: Any = stream, on_error: Any = on_error) -> None:
                    stream.removeListener("error", on_error)

                last_stream_cleanup.append(remove_on_error)

        if i == 0:
            if callable(stream) and not isNodeStream(stream):
                ret = _call_stage(stream, {"signal": signal})
                if not isIterable(ret):
                    raise errors.ERR_INVALID_RETURN_VALUE(
                        "Iterable, AsyncIterable or Stream", "source", ret
                    )
            elif isIterable(stream) or isReadableNodeStream(stream) or isTransformStream(stream):
                ret = stream
            else:
                ret = _duplex_from(stream, "body")
        elif callable(stream) and not isNodeStream(stream):
            if isTransformStream(ret):
                ret = makeAsyncIterable(getattr(ret, "readable", None))
            else:
                ret = makeAsyncIterable(ret)
            ret = _call_stage(stream, ret, {"signal": signal})

            if reading:
                if not isIterable(ret, True):
                    raise errors.ERR_INVALID_RETURN_VALUE(
                        "AsyncIterable", f"transform[{i - 1}]", ret
                    )
            else:
                from nodenet_uv.stream.passthrough import PassThrough

                # If the last argument to pipeline is not a stream
                # we must create a proxy stream so that pipeline(...)
                # always returns a stream which can be further
                # composed through `.pipe(stream)`.

                pt = PassThrough({"objectMode": True})

                # Handle Promises/A+ spec, `then` could be a getter that throws on
                # second use.
                then = getattr(ret, "then", None)
                if callable(then):
                    finish_count += 1

                    def on_value(val: Any, pt: Any = pt, end: bool = end) -> None:
                        nonlocal value
                        value = val
                        if val is not None:
                            pt.write(val)
                        if end:
                            pt.end()
                        next_tick(finish)

                    def on_reject(err: Any, pt: Any = pt) -> None:
                        pt.destroy(err)
                        next_tick(finish, err)

                    then(on_value, on_reject)
                elif isIterable(ret, True):
                    finish_count += 1
                    spawn(pumpToNode(ret, pt, finish, {"end": end}))
                elif isReadableStream(ret) or isTransformStream(ret):
                    to_read = getattr(ret, "readable", None) or ret
                    finish_count += 1
                    spawn(pumpToNode(to_read, pt, finish, {"end": end}))
                else:
                    raise errors.ERR_INVALID_RETURN_VALUE(
                        "AsyncIterable or Promise", "destination", ret
                    )

                ret = pt

                d = destroyer(ret, False, True)
                destroys.append(d["destroy"])
                if is_last_stream:
                    last_stream_cleanup.append(d["cleanup"])
        elif isNodeStream(stream):
            if isReadableNodeStream(ret):
                finish_count += 2
                cleanup = pipe(ret, stream, finish, finishOnlyHandleError, {"end": end})
                if isReadable(stream) and is_last_stream:
                    last_stream_cleanup.append(cleanup)
            elif isTransformStream(ret) or isReadableStream(ret):
                to_read = getattr(ret, "readable", None) or ret
                finish_count += 1
                spawn(pumpToNode(to_read, stream, finish, {"end": end}))
            elif isIterable(ret):
                finish_count += 1
                spawn(pumpToNode(ret, stream, finish, {"end": end}))
            else:
                raise errors.ERR_INVALID_ARG_TYPE(
                    "val",
                    ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"],
                    ret,
                )
            ret = stream
        elif isWebStream(stream):
            raise errors.ERR_INVALID_ARG_TYPE(
                "val",
                ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"],
                ret,
            )
        else:
            ret = _duplex_from(stream, "body")

    if signal.aborted or (outer_signal is not None and outer_signal.aborted):
        next_tick(abort)

    return ret


def pipe(
    src: Any,
    dst: Any,
    finish: Callable[..., Any],
    finishOnlyHandleError: Callable[..., Any],
    opts: dict[str, Any],
) -> Any:
    end = opts.get("end")
    ended = False

    def on_dst_close(*_: Any) -> None:
        if not ended:
            # Finish if the destination closes before the source has completed.
            finishOnlyHandleError(errors.ERR_STREAM_PREMATURE_CLOSE())

    dst.on("close", on_dst_close)

    src.pipe(dst, {"end": False})  # If end is true we already will have a listener to end dst.

    if end:
        # Compat. Before node v10.12.0 stdio used to throw an error so
        # pipe() did/does not end() stdio destinations.
        # Now they allow it but "secretly" don't close the underlying fd.

        def end_fn(*_: Any) -> None:
            nonlocal ended
            ended = True
            dst.end()

        if isReadableFinished(src):  # End the destination if the source has already ended.
            next_tick(end_fn)
        else:
            src.once("end", end_fn)
    else:
        finish()

    def on_src_eos(err: Any = None) -> None:
        r_state = getattr(src, "_readableState", None)
        if (
            err
            and getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
            and (
                r_state is not None
                and r_state.ended
                and not r_state.errored
                and not r_state.errorEmitted
            )
        ):
            # Some readable streams will emit 'close' before 'end'. However, since
            # this is on the readable side 'end' should still be emitted if the
            # stream has been ended and no error emitted. This should be allowed in
            # favor of backwards compatibility. Since the stream is piped to a
            # destination this should not result in any observable difference.
            # We don't need to check if this is a writable premature close since
            # eos will only fail with premature close on the reading side for
            # duplex streams.
            src.once("end", finish).once("error", finish)
        else:
            finish(err)

    eos(src, {"readable": True, "writable": False}, on_src_eos)
    return eos(dst, {"readable": False, "writable": True}, finish)


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    pipeline_impl = pipelineImpl
# END twins
