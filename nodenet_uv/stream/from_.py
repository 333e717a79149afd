"""Port of Node.js lib/internal/streams/from.js: Readable.from(iterable).

Sync iterables (``__iter__``) and async iterables (``__aiter__``) both work; a ``str`` or
``bytes`` is pushed whole (not iterated character by character), as Node does for strings
and Buffers. A value that is a :class:`~nodenet_uv.Promise` is awaited (Node awaits
thenables). The async parts run as coroutines on the loop's microtask queue
(``promise.spawn``), like Node's async functions.
"""

from __future__ import annotations

from typing import Any

from nodenet_uv import errors
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv._internal.task_queues import next_tick

__all__ = ["from_"]


def _is_thenable(value: Any) -> bool:
    return isinstance(value, Promise)


def from_(Readable: Any, iterable: Any, opts: Any = None) -> Any:
    opts = opts or {}
    if isinstance(iterable, (str, bytes)):
        readable = Readable({"objectMode": True, **opts})

        def read_whole(n: Any = None) -> None:
            readable.push(iterable)
            readable.push(None)

        readable._read = read_whole
        return readable

    is_async: bool
    if iterable is not None and callable(getattr(iterable, "__aiter__", None)):
        is_async = True
        iterator = iterable.__aiter__()
    elif iterable is not None and callable(getattr(iterable, "__iter__", None)):
        is_async = False
        iterator = iter(iterable)
    else:
        raise errors.ERR_INVALID_ARG_TYPE("iterable", ["Iterable"], iterable)

    readable = Readable({"objectMode": True, "highWaterMark": 1, **opts})

    # Flag to protect against _read
    # being called before last iteration completion.
    reading = False
    is_async_values = False

    def _read(n: Any = None) -> None:
        nonlocal reading
        if not reading:
            reading = True

            if is_async:
                spawn(nextAsync())
            elif is_async_values:
                spawn(nextSyncWithAsyncValues())
            else:
                nextSyncWithSyncValues()

    readable._read = _read

    # Node 24: a `destroy` given in the options runs first; its error wins.
    originalDestroy = readable._destroy

    def _destroy(error: Any, cb: Any) -> None:
        def after_original(destroyError: Any = None, *_: Any) -> None:
            combinedError = destroyError or error
            spawn(close(combinedError)).then(
                # nextTick is here in case cb throws
                lambda _v: next_tick(cb, combinedError),
                lambda closeError: next_tick(
                    cb, errors.aggregateTwoErrors(combinedError, closeError)
                ),
            )

        originalDestroy(error, after_original)

    readable._destroy = _destroy

    async def close(error: Any) -> None:
        had_error = error is not None
        if is_async:
            if had_error and callable(getattr(iterator, "athrow", None)):
                try:
                    value = await iterator.athrow(error)
                except StopAsyncIteration:
                    return
                if _is_thenable(value):
                    await value
            aclose = getattr(iterator, "aclose", None)
            if callable(aclose):
                await aclose()
            return
        if had_error and callable(getattr(iterator, "throw", None)):
            try:
                value = iterator.throw(error)
            except StopIteration:
                return
            if _is_thenable(value):
                await value
        close_fn = getattr(iterator, "close", None)
        if callable(close_fn):
            close_fn()

    # There are a lot of duplication here, it's done on purpose for performance
    # reasons - avoid await when not needed.

    def nextSyncWithSyncValues() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return

                if _is_thenable(value):
                    spawn(change_to_async_values(value))
                    return

                if value is None:
                    reading = False
                    raise errors.ERR_STREAM_NULL_VALUES()

                if readable.push(value):
                    continue

                reading = False
            except Exception as err:
                readable.destroy(err)
            break

    async def change_to_async_values(value: Any) -> None:
        nonlocal is_async_values, reading
        is_async_values = True

        try:
            res = await value

            if res is None:
                reading = False
                raise errors.ERR_STREAM_NULL_VALUES()

            if readable.push(res):
                spawn(nextSyncWithAsyncValues())
                return

            reading = False
        except Exception as err:
            readable.destroy(err)

    async def nextSyncWithAsyncValues() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return

                res = (await value) if _is_thenable(value) else value

                if res is None:
                    reading = False
                    raise errors.ERR_STREAM_NULL_VALUES()

                if readable.push(res):
                    continue

                reading = False
            except Exception as err:
                readable.destroy(err)
            break

    async def nextAsync() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = await iterator.__anext__()
                except StopAsyncIteration:
                    readable.push(None)
                    return

                if value is None:
                    reading = False
                    raise errors.ERR_STREAM_NULL_VALUES()

                if readable.push(value):
                    continue

                reading = False
            except Exception as err:
                readable.destroy(err)
            break

    return readable
