"""Port of Node.js lib/events.js: EventEmitter with Node's semantics, on pyee.

``EventEmitter`` subclasses :class:`pyee.EventEmitter` (so ``isinstance`` checks and
pyee's snake_case names keep working) but stores listeners the way Node does: one entry
per registration, so the same function added twice is called twice, and the list an emit
iterates is a snapshot (entries are immutable tuples replaced on change, so taking the
snapshot costs nothing on the hot path). Each entry is ``(call, limit, raw)``: what emit
calls, how many positional arguments it takes (DESIGN.md arity rule, decided when the
listener is added), and what ``rawListeners()`` returns (the once-wrapper or the function).
"""

from __future__ import annotations

from collections.abc import Callable
from types import CoroutineType
from typing import Any

import pyee

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal import warning as _warning
from nodenet_uv._internal.arity import arg_limit
from nodenet_uv._internal.naming import NodeNames, alias_module
from nodenet_uv._internal.promise import Promise, spawn

__all__ = [
    "EventEmitter",
    "errorMonitor",
    "getEventListeners",
    "getMaxListeners",
    "listenerCount",
    "once",
    "setMaxListeners",
]


class Symbol:
    """A JS Symbol: a unique event name with a description."""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description

    def __repr__(self) -> str:
        return f"Symbol({self.description})"

    __str__ = __repr__


errorMonitor = Symbol("events.errorMonitor")
captureRejectionSymbol = Symbol("nodejs.rejection")

_Entry = tuple[Callable[..., Any], int, Callable[..., Any]]


class _OnceWrapper:
    """Node's onceWrapper: removes itself, then calls the listener once."""

    __slots__ = ("fired", "limit", "listener", "target", "type")

    def __init__(self, target: EventEmitter, type: Any, listener: Callable[..., Any]) -> None:
        self.fired = False
        self.target = target
        self.type = type
        self.listener = listener
        self.limit = arg_limit(listener)

    def __call__(self, *args: Any) -> Any:
        if not self.fired:
            self.target.removeListener(self.type, self)
            self.fired = True
            limit = self.limit
            if limit < 0 or limit >= len(args):
                return self.listener(*args)
            return self.listener(*args[:limit])
        return None

    def __repr__(self) -> str:
        return f"[Function: bound onceWrapper] {{ listener: {self.listener!r} }}"


class MaxListenersExceededWarning(Exception):
    """The warning Node emits when an event has more listeners than its limit."""

    name = "MaxListenersExceededWarning"

    def __init__(self, message: str, emitter: Any, type: Any, count: int) -> None:
        super().__init__(message)
        self.message = message
        self.emitter = emitter
        self.type = type
        self.count = count

    def __str__(self) -> str:
        return self.message


def _check_listener(listener: Any) -> None:
    validators.validate_function(listener, "listener")


def _entry(listener: Callable[..., Any]) -> _Entry:
    if type(listener) is _OnceWrapper:
        return (listener, -1, listener)
    return (listener, arg_limit(listener), listener)


def _unwrap(raw: Callable[..., Any]) -> Callable[..., Any]:
    inner = getattr(raw, "listener", None)
    return inner if inner is not None else raw


def _matches(raw: Callable[..., Any], listener: Any) -> bool:
    return raw is listener or raw == listener or getattr(raw, "listener", None) is listener


class EventEmitter(NodeNames, pyee.EventEmitter):
    """Node's EventEmitter: ``on``/``once``/``emit``/``off``/... with Node's semantics.

    Node: ``events.EventEmitter``. Methods return the emitter for chaining;
    ``on(event)`` with no listener is a decorator, as in pyee.
    """

    # DIVERGENCE: a class attribute with a validating classmethod setter below, since
    # Python has no static accessor properties (Node: EventEmitter.defaultMaxListeners).
    defaultMaxListeners: int | float = 10
    captureRejections = False
    errorMonitor = errorMonitor
    captureRejectionSymbol = captureRejectionSymbol

    def __init__(self, opts: Any = None) -> None:
        # pyee's __init__ would create its own storage and a lock; ours replaces both
        # (the loop is single-threaded, as Node's is).
        self._events: dict[Any, tuple[_Entry, ...]] = {}  # type: ignore[assignment]
        self._maxListeners: int | float | None = None
        self._warned: set[Any] | None = None

    # -- emit ---------------------------------------------------------------------------
    def emit(self, event: Any, *args: Any) -> bool:  # type: ignore[override]
        events = self._events
        if event == "error":
            if errorMonitor in events:
                self.emit(errorMonitor, *args)
            if "error" not in events:
                er = args[0] if args else None
                if isinstance(er, BaseException):
                    raise er  # Unhandled 'error' event
                err = errors.ERR_UNHANDLED_ERROR(errors.inspect(er))
                err.context = er  # type: ignore[attr-defined]
                raise err
        handlers = events.get(event)
        if handlers is None:
            return False
        n = len(args)
        for call, limit, _raw in handlers:
            if limit < 0 or limit >= n:
                result = call(*args)
            else:
                result = call(*args[:limit])
            if result is not None and type(result) is CoroutineType:
                # An async listener runs like a JS async function: synchronously up to
                # its first await; a rejection is an unhandled rejection, as in Node.
                spawn(result)
        return True

    # -- adding -------------------------------------------------------------------------
    def _add_listener(self, event: Any, listener: Any, prepend: bool) -> EventEmitter:
        _check_listener(listener)
        events = self._events
        if "newListener" in events:
            self.emit("newListener", event, _unwrap(listener))
            events = self._events
        entry = _entry(listener)
        existing = events.get(event)
        if existing is None:
            events[event] = (entry,)
            return self
        existing = (entry, *existing) if prepend else (*existing, entry)
        events[event] = existing
        m = self.getMaxListeners()
        if m > 0 and len(existing) > m:
            warned = self._warned
            if warned is None:
                warned = self._warned = set()
            if event not in warned:
                warned.add(event)
                count = len(existing)
                name = type(self).__name__
                w = MaxListenersExceededWarning(
                    f"Possible EventEmitter memory leak detected. {count} {event!s} listeners "
                    f"added to [{name}]. MaxListeners is {_num(m)}. "
                    "Use emitter.setMaxListeners() to increase limit",
                    self,
                    event,
                    count,
                )
                _warning.emit_warning(w)
        return self

    def addListener(self, event: Any, listener: Any) -> EventEmitter:
        return self._add_listener(event, listener, False)

    def on(self, event: Any, listener: Any = None) -> Any:  # type: ignore[override]
        if listener is None:
            # pyee's decorator form: @emitter.on('data')
            def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
                self._add_listener(event, f, False)
                return f

            return decorator
        return self._add_listener(event, listener, False)

    def prependListener(self, event: Any, listener: Any) -> EventEmitter:
        return self._add_listener(event, listener, True)

    def once(self, event: Any, listener: Any = None) -> Any:  # type: ignore[override]
        if listener is None:

            def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
                self.once(event, f)
                return f

            return decorator
        _check_listener(listener)
        # Through self.on, as Node does: subclasses (Readable) see once('data') too.
        return self.on(event, _OnceWrapper(self, event, listener))  # type: ignore[no-any-return]

    def prependOnceListener(self, event: Any, listener: Any) -> EventEmitter:
        _check_listener(listener)
        return self.prependListener(event, _OnceWrapper(self, event, listener))

    def listens_to(self, event: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
            self._add_listener(event, f, False)
            return f

        return decorator

    # -- removing -----------------------------------------------------------------------
    def removeListener(self, event: Any, listener: Any) -> EventEmitter:
        _check_listener(listener)
        events = self._events
        lst = events.get(event)
        if lst is None:
            return self
        position = -1
        for i in range(len(lst) - 1, -1, -1):
            if _matches(lst[i][2], listener):
                position = i
                break
        if position < 0:
            return self
        raw = lst[position][2]
        rest = lst[:position] + lst[position + 1 :]
        if rest:
            events[event] = rest
        else:
            del events[event]
        if len(rest) <= 1 and self._warned:
            self._warned.discard(event)
        if "removeListener" in events:
            # Node passes the original listener (unwrapped) when a once-wrapper goes.
            self.emit("removeListener", event, listener if len(lst) > 1 else _unwrap(raw))
        return self

    off = removeListener

    def removeAllListeners(self, event: Any = ...) -> EventEmitter:
        events = self._events
        if not events:
            return self
        if "removeListener" not in events:
            if event is ...:
                self._events = {}
                self._warned = None
            elif event in events:
                del events[event]
                if self._warned:
                    self._warned.discard(event)
            return self
        if event is ...:
            for key in list(events):
                if key != "removeListener":
                    self.removeAllListeners(key)
            self.removeAllListeners("removeListener")
            self._events = {}
            self._warned = None
            return self
        lst = events.get(event)
        if lst is not None:
            for i in range(len(lst) - 1, -1, -1):
                self.removeListener(event, lst[i][2])
        return self

    # -- pyee's names, with Node's semantics ----------------------------------------------
    def add_listener(self, event: Any, listener: Any) -> EventEmitter:  # type: ignore[override]
        return self._add_listener(event, listener, False)

    def remove_listener(self, event: Any, listener: Any) -> EventEmitter:  # type: ignore[override]
        return self.removeListener(event, listener)

    def remove_all_listeners(self, event: Any = ...) -> EventEmitter:  # type: ignore[override]
        return self.removeAllListeners(event)

    # -- inspection -----------------------------------------------------------------------
    def listeners(self, event: Any) -> list[Callable[..., Any]]:  # type: ignore[override]
        return [_unwrap(e[2]) for e in self._events.get(event, ())]

    def rawListeners(self, event: Any) -> list[Callable[..., Any]]:
        return [e[2] for e in self._events.get(event, ())]

    def listenerCount(self, event: Any, listener: Any = None) -> int:
        lst = self._events.get(event, ())
        if listener is not None:
            return sum(1 for e in lst if _matches(e[2], listener))
        return len(lst)

    def eventNames(self) -> list[Any]:  # type: ignore[override]
        keys = list(self._events)
        # JS Reflect.ownKeys: string keys first (in insertion order), then symbols.
        return [k for k in keys if isinstance(k, str)] + [k for k in keys if not isinstance(k, str)]

    def event_names(self) -> list[Any]:  # type: ignore[override]
        return self.eventNames()

    def setMaxListeners(self, n: Any) -> EventEmitter:
        validators.validate_number(n, "setMaxListeners", 0)
        self._maxListeners = n
        return self

    def getMaxListeners(self) -> int | float:
        m = self._maxListeners
        return EventEmitter.defaultMaxListeners if m is None else m

    # pyee hooks that other pyee code may call
    def _emit_run(self, f: Callable[..., Any], args: Any, kwargs: Any) -> None:
        f(*args, **kwargs)

    def _remove_listener(self, event: Any, f: Any) -> None:
        self.removeListener(event, f)

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def setDefaultMaxListeners(n: Any) -> None:
    validators.validate_number(n, "defaultMaxListeners", 0)
    EventEmitter.defaultMaxListeners = n


def setMaxListeners(n: Any = None, *event_targets: Any) -> None:
    """events.setMaxListeners(n, ...targets)."""
    if n is None:
        n = EventEmitter.defaultMaxListeners
    validators.validate_number(n, "setMaxListeners", 0)
    if not event_targets:
        EventEmitter.defaultMaxListeners = n
        return
    for target in event_targets:
        if hasattr(target, "setMaxListeners"):
            target.setMaxListeners(n)
        else:
            raise errors.ERR_INVALID_ARG_TYPE(
                "eventTargets", ["EventEmitter", "EventTarget"], target
            )


def getMaxListeners(emitter: Any) -> int | float:
    if hasattr(emitter, "getMaxListeners"):
        return emitter.getMaxListeners()  # type: ignore[no-any-return]
    raise errors.ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitter)


def getEventListeners(emitter: Any, name: Any) -> list[Callable[..., Any]]:
    if hasattr(emitter, "listeners"):
        return emitter.listeners(name)  # type: ignore[no-any-return]
    raise errors.ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitter)


def listenerCount(emitter: Any, event: Any) -> int:
    """Deprecated static EventEmitter.listenerCount(emitter, type)."""
    return emitter.listenerCount(event)  # type: ignore[no-any-return]


def once(emitter: Any, name: Any, options: Any = None) -> Promise:
    """events.once(emitter, name): a Promise of the event's arguments (a list).

    Rejects with the error if ``'error'`` is emitted first. Await it from a coroutine
    run by :func:`nodenet_uv.run`: ``args = await events.once(sock, 'connect')``.
    """
    signal = options.get("signal") if isinstance(options, dict) else None
    if signal is not None:
        validators.validate_abort_signal(signal, "options.signal")
        if signal.aborted:
            return Promise.reject(errors.AbortError(None, cause=signal.reason))

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        def error_listener(err: Any) -> None:
            emitter.removeListener(name, resolver)
            if signal is not None:
                signal.removeEventListener("abort", abort_listener)
            reject(err)

        def resolver(*args: Any) -> None:
            emitter.removeListener("error", error_listener)
            if signal is not None:
                signal.removeEventListener("abort", abort_listener)
            resolve(list(args))

        def abort_listener(*_: Any) -> None:
            emitter.removeListener(name, resolver)
            emitter.removeListener("error", error_listener)
            reject(errors.AbortError(None, cause=signal.reason))

        emitter.once(name, resolver)
        if name != "error":
            emitter.once("error", error_listener)
        if signal is not None:
            signal.addEventListener("abort", abort_listener, {"once": True})

    return Promise(executor)


__all__ += alias_module(globals(), __all__)
