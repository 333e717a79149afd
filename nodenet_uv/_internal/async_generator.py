"""A Python async generator with the request queue of a JS AsyncGenerator object.

A JS async generator queues ``next()``/``throw()``/``return()``: a request made while the
generator is running (suspended in an ``await``) waits for the requests before it, and
``return()`` on a generator that never started completes it without running its body.
A Python async generator refuses instead (``RuntimeError: ... already running``), which
code ported from Node (``Readable.from``'s destroy calls ``iterator.return()`` or
``iterator.throw(err)`` whenever the stream is destroyed) cannot work with.

:class:`AsyncGenerator` wraps a Python async generator and gives it JS's queue: every
request returns a :class:`~nodenet_uv._internal.promise.Promise` (awaitable from a
coroutine run by ``spawn``/``run()``), so ``async for`` works on it as well.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from nodenet_uv._internal.promise import Promise, spawn

__all__ = ["AsyncGenerator"]


class AsyncGenerator:
    """JS AsyncGenerator semantics over a Python async generator.

    ``__anext__()`` is ``next()`` (rejects with StopAsyncIteration at the end),
    ``athrow(err)`` is ``throw(err)``, ``aclose()`` is ``return()``. As in JS, a value
    reaches an ``await``-ing consumer two microtasks after the generator yields it.
    """

    __slots__ = ("_gen", "_tail")

    def __init__(self, gen: AsyncIterator[Any]) -> None:
        # A Python async generator (asend/athrow/aclose).
        self._gen: Any = gen
        # Settles (never rejects) when the last queued request is done.
        self._tail: Promise | None = None

    def __aiter__(self) -> AsyncGenerator:
        return self

    def __anext__(self) -> Promise:
        return self._enqueue(self._gen.__anext__)

    def athrow(self, err: BaseException) -> Promise:
        return self._enqueue(lambda: self._gen.athrow(err))

    def aclose(self) -> Promise:
        return self._enqueue(self._gen.aclose)

    def _enqueue(self, make: Callable[[], Awaitable[Any]]) -> Promise:
        prev = self._tail
        done = Promise()
        self._tail = done
        # A request on an idle generator starts at once (synchronously), as in JS.
        return spawn(_step(prev, make, done))

    def __repr__(self) -> str:
        return f"Object [AsyncGenerator] {{ {self._gen!r} }}"


async def _step(prev: Promise | None, make: Callable[[], Awaitable[Any]], done: Promise) -> Any:
    try:
        if prev is not None and prev.state == "pending":
            await prev
        value = await make()
        # `yield value` in a JS async generator is `yield await value`: the request
        # settles one microtask later (and a yielded promise is unwrapped), which code
        # racing the generator against other microtasks can observe.
        return await Promise.resolve(value)
    finally:
        done.resolve_(None)
