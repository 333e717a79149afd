"""A Promise for the nodenet_uv loop: JS promise semantics on the microtask queue.

Node's ``async``/``await`` runs on V8 promises whose reactions are microtasks drained
right after the nextTick queue. This module gives Python coroutines the same model with
no asyncio: :func:`spawn` drives a coroutine the way V8 drives an async function (it runs
synchronously up to the first ``await``), and every ``await promise`` resumes in a
microtask once the promise settles. :func:`start` is the public way to start one
(calling a JS async function starts it); ``Promise.all``/``allSettled``/``race``/``any``
start the coroutines they are given.

The two worlds: a coroutine driven here awaits nodenet_uv awaitables (a
:class:`Promise`, or a coroutine that awaits them). While ``nodenet_uv.aio`` is attached
it may await asyncio ones too, and asyncio code may await a :class:`Promise` (the bridge
installs ``_foreign_await``/``_foreign_yield``). Without the bridge either is a
``RuntimeError`` naming ``nodenet_uv.aio``, not asyncio's "Task got bad yield" or a
coroutine that never resumes.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Generator, Iterable
from typing import Any

from nodenet_uv._binding import loop as _loop
from nodenet_uv._internal import task_queues

_PENDING = 0
_FULFILLED = 1
_REJECTED = 2

# Rejected promises nobody has handled yet; checked after each microtask drain.
_unhandled: dict[int, Promise] = {}
# Installed by nodenet_uv.process: takes (reason, promise) for an unhandled rejection.
_unhandled_rejection_hook: Callable[[Any, Promise], None] | None = None


def set_unhandled_rejection_hook(hook: Callable[[Any, Promise], None]) -> None:
    global _unhandled_rejection_hook
    _unhandled_rejection_hook = hook


class _FallbackAggregateError(Exception):
    def __init__(self, errors: list[Any], message: str) -> None:
        super().__init__(message)
        self.errors = errors


# errors.AggregateError once nodenet_uv.errors installs it (it is a layer above this one).
_aggregate_error: Callable[[list[Any], str], BaseException] = _FallbackAggregateError


def set_aggregate_error(make: Callable[[list[Any], str], BaseException]) -> None:
    global _aggregate_error
    _aggregate_error = make


# How many spawn() steps are running (a coroutine send/throw in progress): a Promise
# awaited with none running is being awaited by another runner (asyncio's Task).
_stepping = [0]

_ASYNCIO_IN_NODENET = (
    "nodenet_uv's coroutine runner (run(coro), nodenet_uv.start) got {what}: without the "
    "asyncio bridge it awaits nodenet_uv Promises only. Attach it (nodenet_uv.aio: async "
    "with aio.attached() inside asyncio.run), then await the asyncio awaitable (or "
    "aio.promise(awaitable))"
)
_NODENET_IN_ASYNCIO = (
    "a nodenet_uv Promise was awaited outside nodenet_uv's coroutine runner (in asyncio "
    "code?) while nodenet_uv.aio is not attached: nothing would settle it. Attach the "
    "bridge (async with nodenet_uv.aio.attached(): ...), then await it (or "
    "aio.wrap(promise))"
)

# Set by nodenet_uv.aio while attached (None otherwise):
# - how asyncio awaits a Promise: a generator for Promise.__await__ to delegate to;
_foreign_await: Callable[[Promise], Generator[Any, None, Any]] | None = None
# - what spawn() does with something else a coroutine yields (an asyncio future, a bare
#   yield): arrange to call resume() once it is done and return True, or return False.
_foreign_yield: Callable[[Any, Callable[[], None]], bool] | None = None


class Promise:
    """A JS Promise: ``then``/``catch``/``finally``, awaitable from a spawned coroutine."""

    __slots__ = ("_handled", "_reactions", "_state", "_value")

    def __init__(
        self,
        executor: Callable[[Callable[[Any], None], Callable[[Any], None]], Any] | None = None,
    ) -> None:
        self._state = _PENDING
        self._value: Any = None
        self._reactions: list[tuple[Callable[[Any], Any], Callable[[Any], Any]]] = []
        self._handled = False
        if executor is not None:
            try:
                executor(self.resolve_, self.reject_)
            except BaseException as exc:
                self.reject_(exc)

    # -- settling ---------------------------------------------------------------------
    def resolve_(self, value: Any = None) -> None:
        if self._state != _PENDING:
            return
        if value is self:
            self._settle(_REJECTED, TypeError("Chaining cycle detected for promise"))
        elif isinstance(value, Promise):
            # NewPromiseResolveThenableJob: adopt the state one microtask later.
            task_queues.queue_microtask(lambda: value._then(self._adopt_ok, self._adopt_err))
            self._state = -1  # locked in, still pending
        else:
            self._settle(_FULFILLED, value)

    def reject_(self, reason: Any = None) -> None:
        if self._state != _PENDING:
            return
        self._settle(_REJECTED, reason)

    def _adopt_ok(self, value: Any) -> None:
        self._state = _PENDING
        self.resolve_(value)

    def _adopt_err(self, reason: Any) -> None:
        self._state = _PENDING
        self.reject_(reason)

    def _settle(self, state: int, value: Any) -> None:
        self._state = state
        self._value = value
        reactions, self._reactions = self._reactions, []
        for on_ok, on_err in reactions:
            self._schedule(on_ok, on_err)
        if state == _REJECTED and not self._handled:
            _unhandled[id(self)] = self
            task_queues.set_has_rejection_to_warn()

    def _schedule(self, on_ok: Callable[[Any], Any], on_err: Callable[[Any], Any]) -> None:
        fn = on_ok if self._state == _FULFILLED else on_err
        value = self._value
        task_queues.queue_microtask(lambda: fn(value))

    def _then(self, on_ok: Callable[[Any], Any], on_err: Callable[[Any], Any]) -> None:
        """Register a raw reaction (no derived promise)."""
        if not self._handled:
            self._handled = True
            _unhandled.pop(id(self), None)
        if self._state in (_PENDING, -1):
            self._reactions.append((on_ok, on_err))
        else:
            self._schedule(on_ok, on_err)

    # -- public JS API ----------------------------------------------------------------
    def then(
        self,
        on_fulfilled: Callable[[Any], Any] | None = None,
        on_rejected: Callable[[Any], Any] | None = None,
    ) -> Promise:
        derived = Promise()

        def ok(value: Any) -> None:
            if on_fulfilled is None:
                derived.resolve_(value)
                return
            try:
                derived.resolve_(on_fulfilled(value))
            except BaseException as exc:
                derived.reject_(exc)

        def err(reason: Any) -> None:
            if on_rejected is None:
                derived.reject_(reason)
                return
            try:
                derived.resolve_(on_rejected(reason))
            except BaseException as exc:
                derived.reject_(exc)

        self._then(ok, err)
        return derived

    def catch(self, on_rejected: Callable[[Any], Any]) -> Promise:
        return self.then(None, on_rejected)

    def finally_(self, on_finally: Callable[[], Any]) -> Promise:
        def ok(value: Any) -> Any:
            on_finally()
            return value

        def err(reason: Any) -> Any:
            on_finally()
            raise reason

        return self.then(ok, err)

    @staticmethod
    def resolve(value: Any = None) -> Promise:
        """Promise.resolve(value); a coroutine is started (:func:`start`), as calling an
        async function would have been in JS."""
        if isinstance(value, Promise):
            return value
        if inspect.iscoroutine(value):
            return spawn(value)
        p = Promise()
        p.resolve_(value)
        return p

    @staticmethod
    def reject(reason: Any) -> Promise:
        p = Promise()
        p.reject_(reason)
        return p

    @staticmethod
    def all(items: Iterable[Any]) -> Promise:
        """Promise.all: the values, in order; the first rejection. Coroutines are started."""
        promises = [Promise.resolve(x) for x in items]
        result = Promise()
        values: list[Any] = [None] * len(promises)
        remaining = [len(promises)]
        if not promises:
            result.resolve_([])
        for i, p in enumerate(promises):

            def ok(value: Any, i: int = i) -> None:
                values[i] = value
                remaining[0] -= 1
                if remaining[0] == 0:
                    result.resolve_(values)

            p._then(ok, result.reject_)
        return result

    @staticmethod
    def allSettled(items: Iterable[Any]) -> Promise:
        """Promise.allSettled: ``{'status': 'fulfilled', 'value': v}`` or ``{'status':
        'rejected', 'reason': e}`` for each, in order. Coroutines are started."""
        promises = [Promise.resolve(x) for x in items]
        result = Promise()
        outcomes: list[Any] = [None] * len(promises)
        remaining = [len(promises)]
        if not promises:
            result.resolve_([])

        def settle(i: int, outcome: dict[str, Any]) -> None:
            outcomes[i] = outcome
            remaining[0] -= 1
            if remaining[0] == 0:
                result.resolve_(outcomes)

        for i, p in enumerate(promises):

            def ok(value: Any, i: int = i) -> None:
                settle(i, {"status": "fulfilled", "value": value})

            def err(reason: Any, i: int = i) -> None:
                settle(i, {"status": "rejected", "reason": reason})

            p._then(ok, err)
        return result

    all_settled = allSettled

    @staticmethod
    def race(items: Iterable[Any]) -> Promise:
        """Promise.race: settles as the first of them settles. Coroutines are started."""
        result = Promise()
        for p in [Promise.resolve(x) for x in items]:
            p._then(result.resolve_, result.reject_)
        return result

    @staticmethod
    def any(items: Iterable[Any]) -> Promise:
        """Promise.any: the first fulfilment; AggregateError ("All promises were
        rejected", ``.errors`` in order) if all reject. Coroutines are started."""
        promises = [Promise.resolve(x) for x in items]
        result = Promise()
        reasons: list[Any] = [None] * len(promises)
        remaining = [len(promises)]

        def all_rejected() -> None:
            result.reject_(_aggregate_error(reasons, "All promises were rejected"))

        if not promises:
            all_rejected()
        for i, p in enumerate(promises):

            def err(reason: Any, i: int = i) -> None:
                reasons[i] = reason
                remaining[0] -= 1
                if remaining[0] == 0:
                    all_rejected()

            p._then(result.resolve_, err)
        return result

    @property
    def state(self) -> str:
        return {_FULFILLED: "fulfilled", _REJECTED: "rejected"}.get(self._state, "pending")

    def result(self) -> Any:
        """The settled value (raises the reason if rejected); for tests and run()."""
        if self._state == _REJECTED:
            self._handled = True
            _unhandled.pop(id(self), None)
            raise self._value
        if self._state != _FULFILLED:
            raise RuntimeError("promise is still pending")
        return self._value

    def __await__(self) -> Generator[Any, None, Any]:
        # An await always suspends, even on a settled promise (one microtask), as in JS.
        if not _stepping[0]:
            # Not driven by spawn(): by asyncio's Task (or by hand).
            if _foreign_await is None:
                raise RuntimeError(_NODENET_IN_ASYNCIO)
            return (yield from _foreign_await(self))
        yield self
        if self._state == _REJECTED:
            raise self._value
        return self._value

    def __repr__(self) -> str:
        return f"Promise {{ <{self.state}> }}"


def spawn(coro: Coroutine[Any, Any, Any]) -> Promise:
    """Run a coroutine as a JS async function: synchronously up to its first await."""
    result = Promise()
    stepping = _stepping

    def step(exc: BaseException | None = None) -> None:
        if getattr(coro, "cr_frame", True) is None:
            # Closed by Python code (coro.close()) while it awaited: nothing to resume. A
            # JS async function cannot be closed; this keeps the settling promise quiet.
            return
        stepping[0] += 1
        try:
            yielded = coro.send(None) if exc is None else coro.throw(exc)
        except StopIteration as stop:
            result.resolve_(stop.value)
            return
        except BaseException as error:
            if isinstance(error, RuntimeError) and str(error) == "no running event loop":
                # asyncio code (asyncio.sleep, ...) inside run(coro): say what to do.
                error.add_note(_ASYNCIO_IN_NODENET.format(what="asyncio code"))
            result.reject_(error)
            return
        finally:
            stepping[0] -= 1
        if isinstance(yielded, Promise):
            yielded._then(lambda _v: step(), lambda _e: step())
        elif _foreign_yield is not None and _foreign_yield(yielded, step):
            pass  # an asyncio awaitable, with the bridge attached: step() follows
        else:
            what = "a bare yield" if yielded is None else repr(yielded)
            step(RuntimeError(_ASYNCIO_IN_NODENET.format(what=what)))

    step()
    return result


def start(coro: Coroutine[Any, Any, Any]) -> Promise:
    """Start a coroutine now, as calling a JS async function does: it runs synchronously
    up to its first ``await``; the returned :class:`Promise` settles with its result.

    The coroutine awaits nodenet_uv Promises (``events.once``, ``timers.promises``, other
    started coroutines); its continuations run as microtasks of nodenet_uv's loop (``run()``,
    or asyncio with ``nodenet_uv.aio`` attached).
    """
    if not inspect.iscoroutine(coro):
        raise TypeError(
            f"start() takes a coroutine (call the async function: start(main())), "
            f"not {type(coro).__name__}"
        )
    _loop.enter()
    return spawn(coro)


def _check_unhandled() -> bool:
    if not _unhandled:
        return False
    pending = list(_unhandled.values())
    _unhandled.clear()
    for p in pending:
        if p._handled:
            continue
        p._handled = True
        if _unhandled_rejection_hook is not None:
            _unhandled_rejection_hook(p._value, p)
    return True


task_queues._after_microtasks.append(_check_unhandled)
