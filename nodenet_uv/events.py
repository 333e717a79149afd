"""Port of Node.js lib/events.js: EventEmitter with Node's semantics, on pyee.

``EventEmitter`` subclasses :class:`pyee.EventEmitter` (so ``isinstance`` checks and
pyee's snake_case names keep working) but stores listeners the way Node does: one entry
per registration, so the same function added twice is called twice, and the list an emit
iterates is a snapshot (entries are immutable tuples replaced on change, so taking the
snapshot costs nothing on the hot path). Each entry is ``(call, limit, raw)``: what emit
calls, how many positional arguments it takes (the arity rule, docs/python-rules.md, decided when the
listener is added), and what ``rawListeners()`` returns (the once-wrapper or the function).

As in Node, the methods also work on an object that is not (yet) initialised as an
emitter (``EventEmitter.emit(obj, 'foo')``, a subclass that adds listeners before calling
``EventEmitter.__init__``): a missing or ``None`` ``_events`` means "no listeners".
"""

from __future__ import annotations

import sys
import types
from collections import deque
from collections.abc import Callable, Coroutine, Mapping, Sequence
from types import CoroutineType
from typing import TYPE_CHECKING, Any, TypeVar

import pyee

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal import warning as _warning
from nodenet_uv._internal.arity import arg_limit, call_padded
from nodenet_uv._internal.async_generator import ForAwait
from nodenet_uv._internal.inspect import (
    inspect,
    is_js_number,
    js_constructor_name,
    js_get,
    js_string,
    js_truthy,
    number_to_string,
)
from nodenet_uv._internal.naming import NodeNames, alias_module, node_options
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.abort_controller import AbortSignal, addAbortListener, kMaxEventTargetListeners

# ACCELERATED(_speedups.arg_limit): arity.arg_limit for functions and methods; else arity's.
try:
    from nodenet_uv._speedups import arg_limit
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass

__all__ = [
    "EventEmitter",
    "addAbortListener",
    "captureRejectionSymbol",
    "errorMonitor",
    "getEventListeners",
    "getMaxListeners",
    "listenerCount",
    "on",
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
# Node: Symbol.for('nodejs.rejection').
# Node: Symbol.for('nodejs.rejection'). DIVERGENCE: Python has no symbol-keyed methods;
# an emitter that handles captured rejections defines a method of this name.
captureRejectionSymbol = "_nodejs_rejection"

_H = TypeVar("_H", bound=Callable[..., Any])
_Entry = tuple[Callable[..., Any], int, Callable[..., Any]]
# The builtin, for functions whose parameter `type` (Node's name) shadows it.
_type = type

# removeAllListeners() with no argument (JS arguments.length === 0) vs. with one.
_ALL: Any = ...
# on(event) with no listener is pyee's decorator form; on(event, None) is Node's TypeError.
_MISSING: Any = object()


class _OnceWrapper:
    """Node's once wrapper (the closure ``wrapper`` _onceWrap makes): marks itself fired,
    removes itself, then calls the listener."""

    __slots__ = ("fired", "limit", "listener", "target", "type")

    # What Node 24's wrapper says its name is (Node 20: "bound onceWrapper").
    __name__ = "wrapper"

    def __init__(self, target: Any, type: Any, listener: Callable[..., Any]) -> None:
        self.fired = False
        self.target = target
        self.type = type
        self.listener = listener
        self.limit = arg_limit(listener)

    def __call__(self, *args: Any) -> Any:
        if self.fired:
            return None
        # Node 24: fired is set before removeListener, so a 'removeListener' listener
        # calling the wrapper again does not call the listener twice.
        self.fired = True
        self.target.removeListener(self.type, self)
        limit = self.limit
        n = len(args)
        if limit == n or limit < 0:
            return self.listener(*args)
        if limit > n:
            return call_padded(self.listener, args)
        return self.listener(*args[:limit])

    def _js_own_keys(self) -> list[str]:
        # inspect() shows the wrapper's one own property, as Node's `wrapper.listener`.
        return ["listener"]

    def __repr__(self) -> str:
        return f"[Function: wrapper] {{ listener: {self.listener!r} }}"


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


def checkListener(listener: Any) -> None:
    validators.validate_function(listener, "listener")


def _entry(listener: Callable[..., Any]) -> _Entry:
    if type(listener) is _OnceWrapper:
        return (listener, -1, listener)
    return (listener, arg_limit(listener), listener)


def _unwrap(raw: Callable[..., Any]) -> Callable[..., Any]:
    inner = getattr(raw, "listener", None)
    return inner if inner is not None else raw


def _matches(raw: Callable[..., Any], listener: Any) -> bool:
    # `==` too: two bound-method objects of the same method and instance are equal (the JS
    # twin is one function object).
    return raw is listener or raw == listener or getattr(raw, "listener", None) is listener


def _events_of(target: Any) -> dict[Any, tuple[_Entry, ...]] | None:
    try:
        return target._events
    except AttributeError:
        return None


def _getMaxListeners(that: Any) -> int | float:
    m = getattr(that, "_maxListeners", None)
    return EventEmitter.defaultMaxListeners if m is None else m


def _string(type: Any) -> str:
    """JS String(type) for an event name (a Symbol prints as Symbol(description))."""
    if isinstance(type, Symbol):
        return repr(type)
    return js_string(type)


def _inspect_target(target: Any) -> str:
    # inspect(target, { depth: -1 }): an emitter always has own properties (_events,
    # _eventsCount, _maxListeners), so Node prints just `[ConstructorName]`; ours keeps
    # its state in underscore attributes, which our inspect does not list.
    return f"[{js_constructor_name(target)}]"


def _addListener(target: Any, type: Any, listener: Any, prepend: bool) -> Any:
    # checkListener(listener), skipped for a plain function or method, which
    # validate_function always accepts: every stream constructor adds listeners.
    if _type(listener) not in validators.PLAIN_FUNCTION_TYPES:
        checkListener(listener)
    # _events_of(target), inlined.
    try:
        events = target._events
    except AttributeError:
        events = None
    if events is None:
        events = target._events = {}
    elif "newListener" in events:
        # To avoid recursion in the case that type == "newListener": emit it before
        # adding the listener.
        target.emit("newListener", type, _unwrap(listener))
        # A newListener handler may have replaced target._events.
        events = target._events
    # _entry(listener), inlined.
    entry: _Entry = (
        (listener, -1, listener)
        if _type(listener) is _OnceWrapper
        else (listener, arg_limit(listener), listener)
    )
    existing = events.get(type)
    if existing is None:
        events[type] = (entry,)
        return target
    existing = (entry, *existing) if prepend else (*existing, entry)
    events[type] = existing
    # Check for listener leak
    m = _getMaxListeners(target)
    if m > 0 and len(existing) > m:
        # DIVERGENCE: Node marks the listener array itself (`existing.warned`); entries
        # here are immutable tuples, so the emitter keeps the set of warned event names
        # (cleared for a name when its list goes back to one listener, as Node's array is
        # replaced by the lone function then).
        warned = getattr(target, "_warned", None)
        if warned is None:
            warned = target._warned = set()
        if type not in warned:
            warned.add(type)
            count = len(existing)
            w = MaxListenersExceededWarning(
                f"Possible EventEmitter memory leak detected. {count} {_string(type)} "
                f"listeners added to {_inspect_target(target)}. MaxListeners is "
                f"{number_to_string(m)}. Use emitter.setMaxListeners() to increase limit",
                target,
                type,
                count,
            )
            _warning.emit_warning(w)
    return target


class EventEmitter(NodeNames, pyee.EventEmitter):
    """Node's EventEmitter: ``on``/``once``/``emit``/``off``/... with Node's semantics.

    Node: ``events.EventEmitter``. Methods return the emitter for chaining;
    ``on(event)`` / ``once(event)`` with no listener at all is a decorator, as in pyee.
    """

    # DIVERGENCE: a plain class attribute: a validating static setter needs a metaclass,
    # which would clash with stream.Writable's. ``events.defaultMaxListeners = n`` and
    # ``events.setMaxListeners(n)`` validate (Node: EventEmitter.defaultMaxListeners).
    defaultMaxListeners: int | float = 10
    captureRejections = False
    errorMonitor = errorMonitor
    captureRejectionSymbol = captureRejectionSymbol
    usingDomains = False

    # EventEmitter.prototype._events / _maxListeners: undefined until init() runs.
    _events: dict[Any, tuple[_Entry, ...]] | None = None  # type: ignore[assignment]
    _maxListeners: int | float | None = None
    _warned: set[Any] | None = None

    def __init__(self, opts: Any = None) -> None:
        # EventEmitter.init: keep the listeners an object already has (a subclass may add
        # some before calling this; Duplex runs two initialisers on one object). pyee's
        # __init__ would create its own storage and a lock; ours replaces both (the loop
        # is single-threaded, as Node's is).
        if self.__dict__.get("_events") is None:
            self._events = {}
        if opts is not None:
            validators.validate_object(opts, "options")
            capture = opts.get("captureRejections") if isinstance(opts, dict) else None
            if capture is not None:
                validators.validate_boolean(capture, "options.captureRejections")
                self._k_capture = capture

    # -- emit ---------------------------------------------------------------------------
    # ACCELERATED(_speedups.EventEmitter_emit)
    def emit(self, event: Any, *args: Any) -> bool:
        """Call every listener of ``event`` with ``args``; True if it had any (Node: ``emitter.emit``)."""
        try:
            events = self._events
        except AttributeError:  # EventEmitter.emit(obj, ...) on a plain object
            events = None
        if event == "error":
            do_error = True
            if events is not None:
                if errorMonitor in events:
                    self.emit(errorMonitor, *args)
                do_error = "error" not in events
            if do_error:
                er = args[0] if args else None
                if isinstance(er, BaseException):
                    raise er  # Unhandled 'error' event
                try:
                    stringified: Any = inspect(er)
                except Exception:
                    stringified = er
                # At least give some kind of context to the user
                err = errors.ERR_UNHANDLED_ERROR(stringified)
                err.context = er
                raise err  # Unhandled 'error' event
        if events is None:
            return False
        handlers = events.get(event)
        if handlers is None:
            return False
        n = len(args)
        for call, limit, _raw in handlers:
            if limit == n or limit < 0:
                result = call(*args)
            elif limit > n:
                # It declares more parameters than passed: required ones get None
                # (JS undefined), the rare case, decided here.
                result = call_padded(call, args)
            else:
                result = call(*args[:limit])
            if result is not None:
                if type(result) is CoroutineType:
                    # An async listener runs like a JS async function: synchronously up
                    # to its first await; a rejection is an unhandled rejection, unless
                    # captureRejections routes it to the emitter (addCatch).
                    result = spawn(result)
                if type(result) is Promise:
                    addCatch(self, result, event, args)
        return True

    # -- adding -------------------------------------------------------------------------
    def addListener(self, event: Any, listener: Any = _MISSING) -> Any:
        """Add ``listener`` for ``event`` (also ``on``) (Node: ``emitter.addListener``)."""
        if listener is _MISSING:
            # pyee's decorator form: @emitter.on('data')
            def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
                _addListener(self, event, f, False)
                return f

            return decorator
        return _addListener(self, event, listener, False)

    # Node: EventEmitter.prototype.on = EventEmitter.prototype.addListener (one function).
    on = addListener  # type: ignore[assignment]

    # The module's _addListener as a method (Readable.on calls it on its EventEmitter).
    _addListener = _addListener

    def prependListener(self, event: Any, listener: Any) -> Any:
        """Add ``listener`` for ``event`` before the others (Node: ``emitter.prependListener``)."""
        return _addListener(self, event, listener, True)

    def once(self, event: Any, listener: Any = _MISSING) -> Any:
        """Add a one-time ``listener`` for ``event`` (Node: ``emitter.once``)."""
        if listener is _MISSING:

            def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
                self.once(event, f)
                return f

            return decorator
        checkListener(listener)
        # Through self.on, as Node does: subclasses (Readable) see once('data') too.
        self.on(event, _OnceWrapper(self, event, listener))
        return self

    def prependOnceListener(self, event: Any, listener: Any) -> Any:
        """Add a one-time ``listener`` before the others (Node: ``emitter.prependOnceListener``)."""
        checkListener(listener)
        self.prependListener(event, _OnceWrapper(self, event, listener))
        return self

    def listens_to(self, event: str) -> Callable[[_H], _H]:
        """pyee's decorator form of ``on`` (no Node twin)."""

        def decorator(f: _H) -> _H:
            _addListener(self, event, f, False)
            return f

        return decorator

    # -- removing -----------------------------------------------------------------------
    def removeListener(self, event: Any, listener: Any) -> Any:
        """Remove the most recently added ``listener`` of ``event`` (also ``off``) (Node: ``emitter.removeListener``)."""
        checkListener(listener)
        events = _events_of(self)
        if events is None:
            return self
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
        warned = getattr(self, "_warned", None)
        if len(rest) <= 1 and warned:
            warned.discard(event)
        if "removeListener" in events:
            # Node passes the original listener (unwrapped) when the event's only
            # listener goes, and the argument as given when it is one of several.
            self.emit("removeListener", event, listener if len(lst) > 1 else _unwrap(raw))
        return self

    # Node: EventEmitter.prototype.off = EventEmitter.prototype.removeListener.
    off = removeListener

    def removeAllListeners(self, event: Any = _ALL) -> Any:
        """Remove every listener, or those of ``event`` (Node: ``emitter.removeAllListeners``)."""
        events = _events_of(self)
        if not events:
            return self
        # Not listening for removeListener, no need to emit
        if "removeListener" not in events:
            if event is _ALL:
                self._events = {}
                self._warned = None
            elif event in events:
                del events[event]
                warned = getattr(self, "_warned", None)
                if warned:
                    warned.discard(event)
            return self
        # Emit removeListener for all listeners on all events
        if event is _ALL:
            for key in list(events):
                if key != "removeListener":
                    self.removeAllListeners(key)
            self.removeAllListeners("removeListener")
            self._events = {}
            self._warned = None
            return self
        lst = events.get(event)
        if lst is not None:
            # LIFO order
            for i in range(len(lst) - 1, -1, -1):
                self.removeListener(event, lst[i][2])
        return self

    # pyee's snake_case names (add_listener, remove_listener, remove_all_listeners,
    # event_names, ...) are the NodeNames twins of the methods above: same functions,
    # Node's semantics.

    # -- inspection -----------------------------------------------------------------------
    def listeners(self, event: Any) -> list[Callable[..., Any]]:
        """A copy of the listeners of ``event``, once-wrappers unwrapped (Node: ``emitter.listeners``)."""
        events = _events_of(self)
        if not events:
            return []
        return [_unwrap(e[2]) for e in events.get(event, ())]

    def rawListeners(self, event: Any) -> list[Callable[..., Any]]:
        """A copy of the listeners of ``event``, once-wrappers included (Node: ``emitter.rawListeners``)."""
        events = _events_of(self)
        if not events:
            return []
        return [e[2] for e in events.get(event, ())]

    def listenerCount(self, event: Any, listener: Any = None) -> int:
        """How many listeners ``event`` has (Node: ``emitter.listenerCount``)."""
        events = _events_of(self)
        if not events:
            return 0
        lst = events.get(event, ())
        if listener is not None:
            return sum(1 for e in lst if _matches(e[2], listener))
        return len(lst)

    def eventNames(self) -> list[Any]:
        """The events that have listeners (Node: ``emitter.eventNames``)."""
        events = _events_of(self)
        if not events:
            return []
        # Reflect.ownKeys: array-index keys in ascending order, then the other string
        # keys in insertion order, then symbols in insertion order.
        keys = list(events)
        index = sorted((k for k in keys if _is_array_index(k)), key=int)
        names = [k for k in keys if not isinstance(k, Symbol) and not _is_array_index(k)]
        return index + names + [k for k in keys if isinstance(k, Symbol)]

    def setMaxListeners(self, n: Any) -> Any:
        """Set the leak-warning threshold (Node: ``emitter.setMaxListeners``)."""
        validators.validate_number(n, "setMaxListeners", 0)
        self._maxListeners = n
        return self

    def getMaxListeners(self) -> int | float:
        """The leak-warning threshold (Node: ``emitter.getMaxListeners``)."""
        return _getMaxListeners(self)

    # pyee hooks that other pyee code may call
    def _add_event_handler(self, event: str, k: Callable[..., Any], v: Callable[..., Any]) -> Any:
        return _addListener(self, event, v, False)

    def _emit_run(self, f: Callable[..., Any], args: Any, kwargs: Any) -> None:
        f(*args, **kwargs)

    def _call_handlers(self, event: str, args: Any, kwargs: Any) -> bool:
        return self.emit(event, *args)

    def _remove_listener(self, event: Any, f: Any) -> None:
        self.removeListener(event, f)

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        self.__dict__.update(state)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        add_listener = addListener  # type: ignore[assignment, unused-ignore]
        event_names = eventNames  # type: ignore[assignment, unused-ignore]
        get_max_listeners = getMaxListeners
        listener_count = listenerCount
        prepend_listener = prependListener
        prepend_once_listener = prependOnceListener
        raw_listeners = rawListeners
        remove_all_listeners = removeAllListeners  # type: ignore[assignment, unused-ignore]
        remove_listener = removeListener  # type: ignore[assignment, unused-ignore]
        set_max_listeners = setMaxListeners
    # END twins


def addCatch(that: Any, promise: Promise, type: Any, args: tuple[Any, ...]) -> None:
    # events.js addCatch: with captureRejections, a rejected listener promise goes to
    # the emitter on the next tick instead of being an unhandled rejection.
    capture = getattr(that, "_k_capture", None)
    if capture is None:
        capture = EventEmitter.captureRejections
    if not capture:
        return
    promise.then(None, lambda err: next_tick(emitUnhandledRejectionOrErr, that, err, type, args))


def emitUnhandledRejectionOrErr(ee: Any, err: Any, type: Any, args: tuple[Any, ...]) -> None:
    handler = getattr(ee, captureRejectionSymbol, None)
    if callable(handler):
        handler(err, type, *args)
        return
    prev = ee.__dict__.get("_k_capture")
    try:
        ee._k_capture = False
        ee.emit("error", err)
    finally:
        if prev is None:
            ee.__dict__.pop("_k_capture", None)
        else:
            ee._k_capture = prev


def _is_array_index(key: Any) -> bool:
    if isinstance(key, bool):
        return False
    if isinstance(key, int):
        return 0 <= key < 2**32 - 1
    if isinstance(key, str) and key.isdigit() and key.isascii():
        return (key == "0" or key[0] != "0") and int(key) < 2**32 - 1
    return False


def setDefaultMaxListeners(n: Any) -> None:
    """The EventEmitter.defaultMaxListeners setter (validated)."""
    validators.validate_number(n, "defaultMaxListeners", 0)
    EventEmitter.defaultMaxListeners = n


def setMaxListeners(n: Any = None, *eventTargets: Any) -> None:
    """events.setMaxListeners(n, ...eventTargets): the default, or each target's limit."""
    if n is None:
        n = EventEmitter.defaultMaxListeners
    validators.validate_number(n, "setMaxListeners", 0)
    if not eventTargets:
        EventEmitter.defaultMaxListeners = n
        return
    for target in eventTargets:
        if isinstance(target, AbortSignal):  # isEventTarget(target)
            setattr(target, kMaxEventTargetListeners, n)
        elif callable(getattr(target, "setMaxListeners", None)):
            target.setMaxListeners(n)
        else:
            raise errors.ERR_INVALID_ARG_TYPE(
                "eventTargets", ["EventEmitter", "EventTarget"], target
            )


def getMaxListeners(emitterOrTarget: Any) -> int | float:
    """An emitter's leak-warning threshold (Node: ``events.getMaxListeners``)."""
    if callable(getattr(emitterOrTarget, "getMaxListeners", None)):
        return _getMaxListeners(emitterOrTarget)
    limit = getattr(emitterOrTarget, kMaxEventTargetListeners, None)
    if is_js_number(limit):  # Node 24: typeof target[kMaxEventTargetListeners] === 'number'
        return limit  # type: ignore[return-value]
    raise errors.ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget)


def getEventListeners(emitterOrTarget: Any, type: Any) -> list[Callable[..., Any]]:
    """A copy of an emitter's listeners of ``type`` (Node: ``events.getEventListeners``)."""
    if callable(getattr(emitterOrTarget, "listeners", None)):
        return emitterOrTarget.listeners(type)
    raise errors.ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget)


def listenerCount(emitterOrTarget: Any, type: Any) -> int:
    """events.listenerCount(emitterOrTarget, type): the number of registered listeners
    for ``type`` (Node 24: un-deprecated; anything else than an emitter is a TypeError)."""
    if callable(getattr(emitterOrTarget, "listenerCount", None)):
        return int(emitterOrTarget.listenerCount(type))
    raise errors.ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget)


def eventTargetAgnosticAddListener(
    emitter: Any, name: Any, listener: Any, flags: dict[str, Any]
) -> None:
    # eventTargetAgnosticAddListener: an EventEmitter (once/on) or an EventTarget
    # (addEventListener, e.g. an AbortSignal).
    if callable(getattr(emitter, "on", None)):
        if flags.get("once"):
            emitter.once(name, listener)
        else:
            emitter.on(name, listener)
    elif callable(getattr(emitter, "addEventListener", None)):
        emitter.addEventListener(name, listener, flags)
    else:
        raise errors.ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter)


def eventTargetAgnosticRemoveListener(emitter: Any, name: Any, listener: Any) -> None:
    # eventTargetAgnosticRemoveListener
    if callable(getattr(emitter, "removeListener", None)):
        emitter.removeListener(name, listener)
    elif callable(getattr(emitter, "removeEventListener", None)):
        emitter.removeEventListener(name, listener)
    else:
        raise errors.ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter)


def once(emitter: Any, name: Any, options: Any = None) -> Promise:
    """events.once(emitter, name[, options]): a Promise of the event's arguments (a list).

    Rejects with the error if ``'error'`` is emitted first, with an ``AbortError`` if
    ``options['signal']`` aborts. Await it from a coroutine run by :func:`nodenet_uv.run`:
    ``args = await events.once(sock, 'connect')``.
    """
    # Node's once() is an async function: its result promise is resolved with the inner
    # promise, which costs the two extra microtask turns JS code can observe.
    return spawn(_once(emitter, name, options))


async def _once(emitter: Any, name: Any, options: Any) -> Any:
    if options is None:
        options = {}
    validators.validate_object(options, "options")
    signal = options.get("signal") if isinstance(options, dict) else None
    validators.validate_abort_signal(signal, "options.signal")
    if signal is not None and signal.aborted:
        raise errors.AbortError(None, {"cause": signal.reason})

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        def errorListener(err: Any) -> None:
            eventTargetAgnosticRemoveListener(emitter, name, resolver)
            if signal is not None:
                signal.removeEventListener("abort", abortListener)
            reject(err)

        def resolver(*args: Any) -> None:
            if callable(getattr(emitter, "removeListener", None)):
                emitter.removeListener("error", errorListener)
            if signal is not None:
                signal.removeEventListener("abort", abortListener)
            resolve(list(args))

        def abortListener(*_: Any) -> None:
            eventTargetAgnosticRemoveListener(emitter, name, resolver)
            eventTargetAgnosticRemoveListener(emitter, "error", errorListener)
            reject(errors.AbortError(None, {"cause": getattr(signal, "reason", None)}))

        eventTargetAgnosticAddListener(emitter, name, resolver, {"once": True})
        if name != "error" and callable(getattr(emitter, "once", None)):
            # EventTarget has no 'error' semantics; EventEmitters do.
            emitter.once("error", errorListener)
        if signal is not None:
            signal.addEventListener("abort", abortListener, {"once": True})

    return Promise(executor)


# -- events.on: the async iterator over an emitter's events ---------------------------------

# Node: Symbol.for('nodejs.watermarkData'). DIVERGENCE: Python has no symbol-keyed
# properties; the iterator has a property of this name (Node's readline reads it).
kWatermarkData = "_nodejs_watermarkData"
# Node: kFirstEventParam (internal/events/symbols), an internal options key: the iterator
# yields each event's first argument instead of the list of all of them.
kFirstEventParam = Symbol("nodejs.kFirstEventParam")
# eventTargetAgnosticAddListener's flags: Node's on() passes none.
_NO_FLAGS: dict[str, Any] = {}


def createIterResult(value: Any, done: bool) -> dict[str, Any]:
    return {"value": value, "done": done}


class _WatermarkData:
    """``iterator[kWatermarkData]``: the queue size, the watermarks, the paused flag."""

    __slots__ = ("_high", "_is_paused", "_low", "_size")

    def __init__(
        self,
        size: Callable[[], int],
        low: int,
        high: int,
        is_paused: Callable[[], bool],
    ) -> None:
        self._size = size
        self._low = low
        self._high = high
        self._is_paused = is_paused

    @property
    def size(self) -> int:
        """The current queue size."""
        return self._size()

    @property
    def low(self) -> int:
        """The low watermark. The emitter is resumed every time size is lower than it."""
        return self._low

    @property
    def high(self) -> int:
        """The high watermark. The emitter is paused every time size is higher than it."""
        return self._high

    @property
    def isPaused(self) -> bool:
        """Whether the emitter is paused by the watermark controller."""
        return self._is_paused()

    is_paused = isPaused


class EventEmitterAsyncIterator:
    """What :func:`on` returns: ``async for args in events.on(ee, 'foo')``, or by hand.

    ``next()`` and ``return_()`` are the JS iterator protocol (Promises of ``{'value':
    ..., 'done': ...}``, as ``stream.Readable``'s iterator gives); ``throw(err)`` ends
    the iteration with ``err`` and, as in Node, returns nothing. ``__anext__()`` is
    ``next()`` awaited and unpacked (StopAsyncIteration at the end); ``aclose()`` is
    ``return_()`` (for ``contextlib.aclosing``).

    Only the ``async for`` statement should call ``__aiter__``: the view it returns
    closes the iterator when dropped, so ``anext(aiter(it))`` ends the iteration; by hand,
    use ``it.next()`` or ``await it.__anext__()``.

    DIVERGENCE: JS's ``for await`` calls ``return()`` when the loop is left early
    (``break``, ``return``, an exception in the body). Python's ``async for`` calls nothing,
    so ``__aiter__`` gives the loop its own view of the iterator, which calls ``return()``
    when the loop lets go of it (at once in CPython: when the loop is left) unless the
    loop ran to its end or next() rejected; ``return()``'s result is not awaited (JS
    waits one microtask for it).
    """

    __slots__ = ("_close", "_next", "_throw", "_watermark")

    def __init__(
        self,
        next_: Callable[[], Promise],
        close: Callable[[], Promise],
        throw: Callable[[Any], None],
        watermark: _WatermarkData,
    ) -> None:
        self._next = next_
        self._close = close
        self._throw = throw
        self._watermark = watermark

    def next(self) -> Promise:
        """A Promise of the next event: ``{'value': [args...], 'done': False}``."""
        return self._next()

    def return_(self, value: Any = None) -> Promise:
        """Stop listening; pending and later ``next()`` calls give ``{'done': True}``."""
        return self._close()

    def throw(self, err: Any = None) -> None:
        """End the iteration with ``err``: the next ``next()`` rejects with it."""
        self._throw(err)

    def aclose(self) -> Promise:
        return self._close()

    def __aiter__(self) -> ForAwait:
        return ForAwait(self.__anext__, self._close)

    def __anext__(self) -> Coroutine[Any, Any, Any]:
        # next() now (a JS for-await calls it synchronously), then await its result.
        return _unpack(self._next())

    @property
    def _nodejs_watermarkData(self) -> _WatermarkData:
        return self._watermark


async def _unpack(promise: Promise) -> Any:
    result = await promise
    if result["done"]:
        raise StopAsyncIteration
    return result["value"]


_ON_OPTIONS = frozenset(
    ("signal", "close", "highWaterMark", "lowWaterMark", "highWatermark", "lowWatermark")
)


def on(emitter: Any, event: Any, options: Any = None, **kwargs: Any) -> EventEmitterAsyncIterator:
    """events.on(emitter, event[, options]): an async iterator over ``event``'s arguments.

    ``async for args in events.on(ee, 'foo'):`` in a coroutine run by
    :func:`nodenet_uv.run` gets each emit's arguments as a list. An ``'error'`` emitted
    meanwhile ends the loop with that error; ``options``: ``signal`` (an AbortSignal:
    aborting ends the loop with an AbortError), ``close`` (event names that end the loop),
    ``highWaterMark``/``lowWaterMark`` (pause the emitter while more events than that are
    queued, resume it below the low mark: ``emitter.pause()``/``resume()``). Options may
    also be given as keyword arguments (``high_water_mark=...``).
    """
    options = node_options(options, kwargs, _ON_OPTIONS, "on")
    if options is None:
        options = {}
    # Parameters validation
    validators.validate_object(options, "options")
    signal = js_get(options, "signal")
    validators.validate_abort_signal(signal, "options.signal")
    if signal is not None and js_truthy(js_get(signal, "aborted")):
        raise errors.AbortError(None, {"cause": js_get(signal, "reason")})
    # Support both highWaterMark and highWatermark for backward compatibility
    high_watermark = js_get(options, "highWaterMark")
    if high_watermark is None:
        high_watermark = js_get(options, "highWatermark")
        if high_watermark is None:
            high_watermark = validators.NUMBER_MAX_SAFE_INTEGER
    validators.validate_integer(high_watermark, "options.highWaterMark", 1)
    # Support both lowWaterMark and lowWatermark for backward compatibility
    low_watermark = js_get(options, "lowWaterMark")
    if low_watermark is None:
        low_watermark = js_get(options, "lowWatermark")
        if low_watermark is None:
            low_watermark = 1
    validators.validate_integer(low_watermark, "options.lowWaterMark", 1)

    # Preparing controlling queues and variables
    unconsumed_events: deque[Any] = deque()
    unconsumed_promises: deque[Promise] = deque()
    paused = False
    error: Any = None
    finished = False
    size = 0

    def next_() -> Promise:
        nonlocal size, paused, error
        # First, we consume all unread events
        if size:
            value = unconsumed_events.popleft()
            size -= 1
            if paused and size < low_watermark:
                emitter.resume()
                paused = False
            return Promise.resolve(createIterResult(value, False))

        # Then we error, if an error happened
        # This happens one time if at all, because after 'error'
        # we stop listening
        if js_truthy(error):
            p = Promise.reject(error)
            # Only the first element errors
            error = None
            return p

        # If the iterator is finished, resolve to done
        if finished:
            return closeHandler()

        # Wait until an event happens
        p = Promise()
        unconsumed_promises.append(p)
        return p

    def throw(err: Any) -> None:
        if not js_truthy(err) or not isinstance(err, BaseException):
            raise errors.ERR_INVALID_ARG_TYPE("EventEmitter.AsyncIterator", "Error", err)
        errorHandler(err)

    iterator = EventEmitterAsyncIterator(
        next_,
        lambda: closeHandler(),
        throw,
        _WatermarkData(lambda: size, low_watermark, high_watermark, lambda: paused),
    )

    # Adding event handlers
    listeners: list[tuple[Any, Any, Callable[..., Any]]] = []

    def addEventListener(emitter: Any, event: Any, handler: Callable[..., Any]) -> None:
        eventTargetAgnosticAddListener(emitter, event, handler, _NO_FLAGS)
        listeners.append((emitter, event, handler))

    def removeAll() -> None:
        while listeners:
            eventTargetAgnosticRemoveListener(*listeners.pop())

    def abortListener(*_: Any) -> None:
        errorHandler(errors.AbortError(None, {"cause": js_get(signal, "reason")}))

    def eventHandler(value: Any = None) -> None:
        nonlocal size, paused
        if not unconsumed_promises:
            size += 1
            if not paused and size > high_watermark:
                paused = True
                emitter.pause()
            unconsumed_events.append(value)
        else:
            unconsumed_promises.popleft().resolve_(createIterResult(value, False))

    def errorHandler(err: Any = None) -> None:
        nonlocal error
        if not unconsumed_promises:
            error = err
        else:
            unconsumed_promises.popleft().reject_(err)

        closeHandler()

    def closeHandler() -> Promise:
        nonlocal finished, paused
        if abort_listener_disposable is not None:
            abort_listener_disposable.dispose()
        removeAll()
        finished = True
        paused = False
        done_result = createIterResult(None, True)
        while unconsumed_promises:
            unconsumed_promises.popleft().resolve_(done_result)

        return Promise.resolve(done_result)

    def on_event(*args: Any) -> None:
        eventHandler(list(args))

    addEventListener(
        emitter, event, eventHandler if js_get(options, kFirstEventParam) else on_event
    )
    if event != "error" and callable(getattr(emitter, "on", None)):
        addEventListener(emitter, "error", errorHandler)
    close_events = js_get(options, "close")
    # JS reads options.close.length and options.close[i]: a list, a tuple or (as in JS) a
    # string; anything without both (a set, a dict) is ignored, as JS ignores a Set.
    if isinstance(close_events, Sequence):
        n = len(close_events) if hasattr(close_events, "__len__") else 0
        for i in range(n):
            addEventListener(emitter, close_events[i], closeHandler)

    abort_listener_disposable = (
        addAbortListener(signal, abortListener) if signal is not None else None
    )

    return iterator


__all__ += alias_module(globals(), __all__)


class _EventsModule(NodeNames, types.ModuleType):
    """``events.captureRejections`` / ``events.defaultMaxListeners`` as in Node, where the
    module *is* EventEmitter: reading and assigning them goes to the class, validated."""

    @property
    def captureRejections(self) -> bool:
        return bool(EventEmitter.captureRejections)

    @captureRejections.setter
    def captureRejections(self, value: Any) -> None:
        validators.validate_boolean(value, "EventEmitter.captureRejections")
        EventEmitter.captureRejections = value

    @property
    def defaultMaxListeners(self) -> int | float:
        return EventEmitter.defaultMaxListeners

    @defaultMaxListeners.setter
    def defaultMaxListeners(self, value: Any) -> None:
        setDefaultMaxListeners(value)

    @property
    def usingDomains(self) -> bool:
        return bool(EventEmitter.usingDomains)

    @usingDomains.setter
    def usingDomains(self, value: Any) -> None:
        EventEmitter.usingDomains = value

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        capture_rejections = captureRejections
        default_max_listeners = defaultMaxListeners
        using_domains = usingDomains
    # END twins


sys.modules[__name__].__class__ = _EventsModule
# Properties of the module's class (above), so alias_module cannot see them; their
# twins come from NodeNames.
__all__ += [  # noqa: F822 (module properties, see _EventsModule)
    "captureRejections",
    "capture_rejections",
    "defaultMaxListeners",
    "default_max_listeners",
    "usingDomains",
    "using_domains",
]
alias_module(globals(), ["setDefaultMaxListeners"])


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    add_abort_listener = addAbortListener
    capture_rejection_symbol = captureRejectionSymbol
    error_monitor = errorMonitor
    get_event_listeners = getEventListeners
    get_max_listeners = getMaxListeners
    listener_count = listenerCount
    set_default_max_listeners = setDefaultMaxListeners
    set_max_listeners = setMaxListeners
# END twins
