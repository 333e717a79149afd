"""A Promise for the nodenet_uv loop: JS promise semantics on the microtask queue.

Node's ``async``/``await`` runs on V8 promises whose reactions are microtasks drained
right after the nextTick queue. This module gives Python coroutines the same model with
no asyncio: :func:`spawn` drives a coroutine the way V8 drives an async function (it runs
synchronously up to the first ``await``), and every ``await promise`` resumes in a
microtask once the promise settles. Awaiting anything but a :class:`Promise` is a
``TypeError`` thrown into the coroutine.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Generator, Iterable
from typing import Any

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
        if isinstance(value, Promise):
            return value
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

    def __await__(self) -> Generator[Promise, None, Any]:
        # An await always suspends, even on a settled promise (one microtask), as in JS.
        yield self
        if self._state == _REJECTED:
            raise self._value
        return self._value

    def __repr__(self) -> str:
        return f"Promise {{ <{self.state}> }}"


def spawn(coro: Coroutine[Any, Any, Any]) -> Promise:
    """Run a coroutine as a JS async function: synchronously up to its first await."""
    result = Promise()

    def step(exc: BaseException | None = None) -> None:
        if getattr(coro, "cr_frame", True) is None:
            # Closed by Python code (coro.close()) while it awaited: nothing to resume. A
            # JS async function cannot be closed; this keeps the settling promise quiet.
            return
        try:
            yielded = coro.send(None) if exc is None else coro.throw(exc)
        except StopIteration as stop:
            result.resolve_(stop.value)
            return
        except BaseException as error:
            result.reject_(error)
            return
        if isinstance(yielded, Promise):
            yielded._then(lambda _v: step(), lambda _e: step())
        else:
            step(TypeError(f"nodenet_uv cannot await {yielded!r}: only its own awaitables"))

    step()
    return result


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
