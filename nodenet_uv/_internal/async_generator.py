"""A Python async generator with the request queue of a JS AsyncGenerator object.

A JS async generator queues ``next()``/``throw()``/``return()``: a request made while the
generator is running (suspended in an ``await``) waits for the requests before it, and
``return()`` on a generator that never started completes it without running its body.
A Python async generator refuses instead (``RuntimeError: ... already running``), which
code ported from Node (``Readable.from``'s destroy calls ``iterator.return()`` or
``iterator.throw(err)`` whenever the stream is destroyed) cannot work with.

:class:`AsyncGenerator` wraps a Python async generator and gives it JS's queue: every
request returns a :class:`~nodenet_uv._internal.promise.Promise` (awaitable from a
coroutine run by ``spawn``/``run()``), so ``async for`` works on it as well. It also has
the JS protocol itself: ``next()``, ``return_()`` and ``throw()`` give Promises of
``{'value': ..., 'done': ...}``, for code ported from Node that iterates by hand.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any

from nodenet_uv._internal.promise import Promise, spawn

__all__ = ["AsyncGenerator"]


class AsyncGenerator:
    """JS AsyncGenerator semantics over a Python async generator.

    ``__anext__()`` is ``next()`` (rejects with StopAsyncIteration at the end),
    ``athrow(err)`` is ``throw(err)``, ``aclose()`` is ``return()``. As in JS, a value
    reaches an ``await``-ing consumer two microtasks after the generator yields it.
    ``next()``, ``return_(value)`` and ``throw(err)`` are JS's own methods: Promises of
    iterator results (``{'value': v, 'done': False}``, ``{'value': None, 'done': True}``).

    ``for_await_return=True``: leaving an ``async for`` over it early calls ``return_()``,
    as JS's ``for await`` calls ``return()`` on ``break``, ``return`` or an exception in the
    loop body (so the generator's ``finally`` runs at once, not when the object is
    collected). DIVERGENCE: Python's ``async for`` calls nothing when it is left, so
    ``__aiter__`` gives the loop its own view of the generator, which calls ``return_()``
    when the loop lets go of it (at once in CPython: when the loop is left) unless the
    loop ran to its end or a step rejected; ``return_()``'s result is not awaited (JS waits
    for it). Off by default: the stream operators keep their own closing.
    """

    __slots__ = ("_for_await", "_gen", "_tail")

    def __init__(self, gen: AsyncIterator[Any], *, for_await_return: bool = False) -> None:
        # A Python async generator (asend/athrow/aclose).
        self._gen: Any = gen
        # Settles (never rejects) when the last queued request is done.
        self._tail: Promise | None = None
        self._for_await = for_await_return

    def __aiter__(self) -> Any:
        return ForAwait(self.__anext__, self.return_) if self._for_await else self

    def __anext__(self) -> Promise:
        return self._enqueue(self._gen.__anext__)

    def athrow(self, err: BaseException) -> Promise:
        return self._enqueue(lambda: self._gen.athrow(err))

    def aclose(self) -> Promise:
        return self._enqueue(self._gen.aclose)

    # -- the JS protocol (iterator results) ---------------------------------------------
    def next(self) -> Promise:
        """JS ``next()``: a Promise of ``{'value': v, 'done': False}`` (or done)."""
        return self._enqueue(self._gen.__anext__, _js_step, None)

    def return_(self, value: Any = None) -> Promise:
        """JS ``return(value)``: finish the generator (its ``finally`` runs); a Promise of
        ``{'value': value, 'done': True}``. Named ``return_``: ``return`` is a keyword."""
        return self._enqueue(self._gen.aclose, _js_return_step, value)

    def throw(self, err: BaseException) -> Promise:
        """JS ``throw(err)``: raise ``err`` where the generator is suspended."""
        return self._enqueue(lambda: self._gen.athrow(err), _js_step, None)

    def _enqueue(
        self,
        make: Callable[[], Awaitable[Any]],
        step: Callable[..., Coroutine[Any, Any, Any]] | None = None,
        value: Any = None,
    ) -> Promise:
        prev = self._tail
        done = Promise()
        self._tail = done
        # A request on an idle generator starts at once (synchronously), as in JS.
        if step is None:
            return spawn(_step(prev, make, done))
        return spawn(step(prev, make, done, value))

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


async def _js_step(
    prev: Promise | None, make: Callable[[], Awaitable[Any]], done: Promise, _value: Any
) -> dict[str, Any]:
    # _step, with the outcome as a JS iterator result.
    try:
        if prev is not None and prev.state == "pending":
            await prev
        try:
            value = await make()
        except StopAsyncIteration:
            return {"value": None, "done": True}
        return {"value": await Promise.resolve(value), "done": False}
    finally:
        done.resolve_(None)


async def _js_return_step(
    prev: Promise | None, make: Callable[[], Awaitable[Any]], done: Promise, value: Any
) -> dict[str, Any]:
    try:
        if prev is not None and prev.state == "pending":
            await prev
        await make()
        return {"value": value, "done": True}
    finally:
        done.resolve_(None)


class ForAwait:
    """The iterator an ``async for`` loop gets: JS's ``for await`` return() when left early.

    ``next_()`` makes the next request at once (a JS for-await calls next() synchronously)
    and gives an awaitable of the value, raising StopAsyncIteration at the end;
    ``return_()`` ends the iteration. The view calls ``return_()`` when the loop lets go of
    it (at once in CPython: ``break``, ``return`` or an exception in the body), or when the
    coroutine running the loop is closed while it waits, unless the loop saw the end or a
    rejected step (for await calls no return() then). Used by ``events.on`` and by
    ``AsyncGenerator(for_await_return=True)`` (``timers.promises.setInterval``).
    """

    __slots__ = ("_next", "_open", "_return")

    def __init__(self, next_: Callable[[], Awaitable[Any]], return_: Callable[[], Any]) -> None:
        self._next = next_
        self._return = return_
        self._open = True

    def __aiter__(self) -> ForAwait:
        return self

    def __anext__(self) -> Coroutine[Any, Any, Any]:
        return self._track(self._next())

    async def _track(self, step: Awaitable[Any]) -> Any:
        try:
            return await step
        except GeneratorExit:
            # coro.close() while the loop waited: the loop is left early, as by a break.
            self._leave()
            raise
        except BaseException:  # the end (StopAsyncIteration) or a rejected step
            self._open = False
            raise

    def _leave(self) -> None:
        if self._open:
            self._open = False
            self._return()

    def __del__(self) -> None:
        self._leave()
