"""nodenet_uv inside an asyncio program (no Node counterpart: Node owns its process).

Node runs one libuv loop; so does nodenet_uv. :func:`attach` lets a running asyncio loop
drive it, so nodenet_uv sockets and asyncio code live in one program::

    async def main():
        async with aio.attached():
            server = net.createServer(on_connection)
            server.listen(0, '127.0.0.1')
            await aio.wrap(events.once(server, 'listening'))
            reader, writer = await asyncio.open_connection('127.0.0.1',
                                                           server.address()['port'])
            ...

    asyncio.run(main())

How: libuv's loop is one epoll fd (``uv_backend_fd``) plus the time of its next timer
(``uv_backend_timeout``). The bridge watches that fd with ``add_reader`` and arms a
``call_later`` for that time; when either fires it runs one ``uv_run(UV_RUN_NOWAIT)``
turn. Every callback inside the turn goes through the runtime's callback scope, so
Node's nextTick/microtask order holds as under ``run()``. Neither loop busy-waits.

The libuv subtlety: libuv hands new or changed watchers to epoll only inside ``uv_run``,
so the fd does not wake for a handle started since the last turn. The rules, each tested
in tests/unit/test_aio.py:

* after a turn that ran callbacks (counted by the runtime's callback scopes and tick
  drains), or that the fd or the timer woke, or that left libuv's timeout at 0
  (pending callbacks, closing handles, ref'ed immediates), another turn follows soon
  (``call_soon``); the bridge waits on the fd and the timeout only after an idle turn;
* a call into nodenet_uv from asyncio code (outside a turn) asks for a turn soon: the
  runtime's guard ``_binding.loop.enter()`` does, which queuing a nextTick or a
  microtask, arming a timer and ``start()`` run (a server's ``listen``, a ``connect``,
  an ``end`` all queue ticks);
* on asyncio's own loops (a selector), a turn also runs each time asyncio is about to
  block, and asyncio then blocks no longer than libuv's timeout: whatever asyncio code
  did to nodenet_uv is in epoll before the process sleeps (a write libuv could not
  finish at once, a ``setImmediate``: they queue no tick). uvloop has no selector to
  hook: there those two wait for the next turn until the binding's entry points call
  ``enter()`` too.

Errors: an exception in a nodenet_uv callback that no ``process.on('uncaughtException')``
listener takes is fatal, as in Node: the bridge detaches and the error is set on the
future :func:`attach` returned; ``async with attached():`` raises it from the block (the
task running it is cancelled to get there, as ``asyncio.timeout`` does).

Between the worlds, while attached: asyncio code may ``await`` a nodenet_uv Promise, and a
coroutine run by nodenet_uv (``run``, ``start``) may ``await`` an asyncio awaitable.
``aio.wrap(promise)`` is the asyncio future of a Promise (for ``gather``, ``wait_for``),
``aio.promise(awaitable)`` the nodenet_uv Promise of an asyncio awaitable (for
``Promise.all``). Not attached, either await is a ``RuntimeError`` naming this module.
"""

from __future__ import annotations

import asyncio
import inspect
import selectors
from collections.abc import Awaitable, Callable, Coroutine, Generator
from types import TracebackType
from typing import Any

from nodenet_uv._binding import loop as _loop
from nodenet_uv._internal import promise as _promise
from nodenet_uv._internal import task_queues
from nodenet_uv._internal.promise import Promise, start

__all__ = ["attach", "attached", "detach", "promise", "wrap"]


class _Bridge:
    """The asyncio side of one attachment: the reader, the timer, the next turn."""

    def __init__(self, aloop: asyncio.AbstractEventLoop) -> None:
        self.aloop = aloop
        self.fd = _loop.backend_fd()
        self.active = False
        self.turning = False
        self.soon: asyncio.Handle | None = None
        self.timer: asyncio.TimerHandle | None = None
        # attach()'s future: None when detached, the fatal error if one came up.
        self.done: asyncio.Future[None] = aloop.create_future()
        # Turns run, for tests (no busy-waiting).
        self.turns = 0
        self._selector: tuple[selectors.BaseSelector, Any] | None = None

    # -- life -------------------------------------------------------------------------
    def start(self) -> None:
        _loop.attach_bridge(self, self.wake)
        _promise._foreign_await = _asyncio_awaits_promise
        _promise._foreign_yield = _nodenet_awaits_asyncio
        self.active = True
        self.aloop.add_reader(self.fd, self.io_turn)
        self._hook_selector()
        self.wake()

    def _hook_selector(self) -> None:
        """asyncio's own loops (a selector under ``_run_once``): a turn each time asyncio
        is about to block, so whatever asyncio code did to nodenet_uv since the last
        turn (a write that libuv could not finish at once, say) is in epoll before the
        process sleeps. uvloop has no such selector: there the runtime's guard asks for
        the turns."""
        sel = getattr(self.aloop, "_selector", None)
        if not isinstance(sel, selectors.BaseSelector):
            return
        orig = sel.select

        def select(timeout: float | None = None) -> Any:
            if self.active and timeout != 0 and self.soon is None and not self.turning:
                self.turn()
                if self.soon is not None or not self.active or getattr(self.aloop, "_ready", None):
                    timeout = 0  # callbacks ran: asyncio may have work now
                else:
                    t = _loop.backend_timeout()
                    if t >= 0 and (timeout is None or t < timeout):
                        timeout = t
            return orig(timeout)

        sel.select = select  # type: ignore[method-assign]
        self._selector = (sel, select)

    def closed(self) -> bool:
        return self.aloop.is_closed()

    def stop(self) -> None:
        global _bridge
        if not self.active:
            return
        self.active = False
        if _bridge is self:
            _bridge = None
        _promise._foreign_await = None
        _promise._foreign_yield = None
        _loop.detach_bridge()
        for h in (self.soon, self.timer):
            if h is not None:
                h.cancel()
        self.soon = self.timer = None
        if self._selector is not None:
            sel, hook = self._selector
            self._selector = None
            if sel.__dict__.get("select") is hook:
                del sel.select  # the class's method again
        if not self.aloop.is_closed():
            self.aloop.remove_reader(self.fd)

    def fail(self, exc: BaseException) -> None:
        self.stop()
        if not self.done.done():
            self.done.set_exception(exc)

    # -- turns ------------------------------------------------------------------------
    def wake(self) -> None:
        """A call into nodenet_uv from asyncio code: a turn soon (once)."""
        if self.aloop.is_closed():
            self.stop()  # asyncio.run() ended without detach(): nothing drives us now
            return
        if self.soon is None and self.active:
            self.soon = self.aloop.call_soon(self.turn)

    def io_turn(self) -> None:
        self.turn(woken=True)

    def turn(self, woken: bool = False) -> None:
        self.soon = None
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.active or self.turning:
            return
        self.turns += 1
        before = _activity()
        self.turning = True
        try:
            exc = _loop.turn()
        finally:
            self.turning = False
        if exc is not None:
            self.fail(exc)
            return
        if not self.active:  # detached by a callback
            return
        timeout = _loop.backend_timeout()
        if woken or _activity() != before or timeout == 0 or _loop._has_pending_ticks():
            # Callbacks ran: what they started reaches epoll only in the next uv_run.
            self.soon = self.aloop.call_soon(self.turn)
        elif timeout > 0:
            self.timer = self.aloop.call_later(timeout, self.io_turn)
        # else: nothing timed; the fd wakes us.


_bridge: _Bridge | None = None


def _asyncio_awaits_promise(p: Promise) -> Generator[Any, None, Any]:
    """``await promise`` in asyncio code while attached: through :func:`wrap`."""
    return wrap(p).__await__()


def _nodenet_awaits_asyncio(yielded: Any, resume: Callable[[], None]) -> bool:
    """spawn() got ``yielded`` from a coroutine: an asyncio future of the bridge's loop
    (what ``await fut`` yields), or ``None`` (a bare yield: ``asyncio.sleep(0)``).
    Arrange for ``resume`` to run as a microtask once it is done, as asyncio's Task
    would resume the coroutine."""
    b = _bridge
    if b is None or not b.active or b.closed():
        return False
    if yielded is None:
        b.aloop.call_soon(task_queues.queue_microtask, resume)
        return True
    if not (asyncio.isfuture(yielded) and yielded._asyncio_future_blocking):
        return False
    if yielded.get_loop() is not b.aloop:
        return False
    yielded._asyncio_future_blocking = False  # what asyncio's Task does on taking it
    yielded.add_done_callback(lambda _f: task_queues.queue_microtask(resume))
    return True


def _activity() -> int:
    """Changes whenever a callback scope ran (see _Bridge.turn)."""
    return _loop.scopes + task_queues.drains


def attach() -> asyncio.Future[None]:
    """Drive nodenet_uv's loop from the running asyncio loop (call it inside one).

    Returns a future that gets the fatal error if a nodenet_uv callback raises one no
    'uncaughtException' listener takes (the bridge detaches then), or ``None`` on
    :func:`detach`. Attaching again to the same asyncio loop returns the same future.

    Raises:
        RuntimeError: no running asyncio loop; already attached to another one; or
            nodenet_uv's loop is running under ``run()``.
    """
    global _bridge
    try:
        aloop = asyncio.get_running_loop()
    except RuntimeError:
        raise RuntimeError(
            "nodenet_uv.aio.attach() needs a running asyncio loop (call it from a "
            "coroutine run by asyncio.run, or use async with aio.attached():)"
        ) from None
    b = _bridge
    if b is not None:
        if b.aloop is aloop and b.active:
            return b.done
        if b.closed() or not b.active:
            b.stop()
        else:
            raise RuntimeError(
                "nodenet_uv.aio is already attached to another asyncio loop "
                "(one nodenet_uv loop per process); detach() it there first"
            )
    b = _Bridge(aloop)
    b.start()
    _bridge = b
    return b.done


def detach() -> None:
    """Stop driving nodenet_uv's loop from asyncio (what is open stays open: a later
    :func:`attach` or ``run()`` carries on with it). No-op if not attached.

    The nextTicks and microtasks asyncio code queued run first (their callback scope
    closes); a fatal error among them is raised here.
    """
    b = _bridge
    if b is None:
        return
    exc = None
    if b.active and not b.turning and not b.closed():
        exc = _loop.turn(run_loop=False)
    b.stop()
    if exc is not None:
        if not b.done.done():
            b.done.set_exception(exc)
            b.done.exception()  # raised here: not "never retrieved" as well
        raise exc
    if not b.done.done():
        b.done.set_result(None)


class attached:
    """``async with aio.attached():`` = :func:`attach` on entry, :func:`detach` on exit
    (unless it was attached already); a fatal nodenet_uv error is raised from the block.
    """

    def __init__(self) -> None:
        self._fut: asyncio.Future[None] | None = None
        self._task: asyncio.Task[Any] | None = None
        self._owned = False
        self._cancelled_for_error = False

    async def __aenter__(self) -> attached:
        self._owned = _bridge is None or not _bridge.active
        self._fut = attach()
        self._task = asyncio.current_task()
        self._fut.add_done_callback(self._on_done)
        return self

    def _on_done(self, fut: asyncio.Future[None]) -> None:
        if fut.cancelled() or fut.exception() is None:
            return
        task = self._task
        if task is not None and not task.done():
            self._cancelled_for_error = True
            task.cancel()

    async def __aexit__(
        self,
        typ: type[BaseException] | None,
        val: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        fut = self._fut
        assert fut is not None
        fut.remove_done_callback(self._on_done)
        error = fut.exception() if fut.done() and not fut.cancelled() else None
        if self._owned and error is None:
            detach()
        if error is not None:
            if self._cancelled_for_error and self._task is not None:
                self._task.uncancel()
            raise error
        return False


def _require_bridge(what: str) -> _Bridge:
    _loop.enter()
    b = _bridge
    if b is None or not b.active or b.closed():
        raise RuntimeError(
            f"nodenet_uv.aio.{what}() needs nodenet_uv's loop attached to the running "
            "asyncio loop: use it inside `async with nodenet_uv.aio.attached():` "
            "(or after nodenet_uv.aio.attach())"
        )
    return b


def _as_exception(reason: Any) -> BaseException:
    if isinstance(reason, BaseException):
        return reason
    return RuntimeError(f"nodenet_uv Promise rejected with a non-exception value: {reason!r}")


def wrap(promise: Promise | Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
    """An asyncio future of a nodenet_uv Promise: ``await aio.wrap(events.once(s, 'x'))``.

    A coroutine is started first (``nodenet_uv.start``): it runs on nodenet_uv's side,
    awaiting nodenet_uv Promises. Cancelling the future does not cancel the Promise (JS
    Promises cannot be cancelled).
    """
    b = _require_bridge("wrap")
    if inspect.iscoroutine(promise):
        promise = start(promise)
    if not isinstance(promise, Promise):
        raise TypeError(
            f"aio.wrap() takes a nodenet_uv Promise (or a coroutine to start), "
            f"not {type(promise).__name__}"
        )
    fut: asyncio.Future[Any] = b.aloop.create_future()

    def ok(value: Any) -> None:
        if not fut.done():
            fut.set_result(value)

    def err(reason: Any) -> None:
        if not fut.done():
            fut.set_exception(_as_exception(reason))

    promise._then(ok, err)
    return fut


_pending: set[asyncio.Future[Any]] = set()


def promise(awaitable: Awaitable[Any]) -> Promise:
    """A nodenet_uv Promise of an asyncio awaitable (a coroutine is scheduled as an
    asyncio Task): ``await aio.promise(asyncio.sleep(1))`` in a nodenet_uv coroutine."""
    try:
        b = _require_bridge("promise")
    except RuntimeError:
        if inspect.iscoroutine(awaitable):
            awaitable.close()  # not "never awaited" on top of the error
        raise
    fut = asyncio.ensure_future(awaitable, loop=b.aloop)
    # asyncio keeps only weak references to tasks: hold it until it is done (the Promise
    # may be all that refers to it, and a collected task never settles).
    _pending.add(fut)
    p = Promise()

    def done(f: asyncio.Future[Any]) -> None:
        _pending.discard(f)
        if f.cancelled():
            p.reject_(asyncio.CancelledError())
        elif (exc := f.exception()) is not None:
            p.reject_(exc)
        else:
            p.resolve_(f.result())

    fut.add_done_callback(done)
    return p
