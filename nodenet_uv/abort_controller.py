"""Port of Node.js lib/internal/abort_controller.js: AbortController and AbortSignal.

An ``AbortSignal`` is an EventTarget in Node; there is no EventTarget here, so the
signal carries the small part of it that abort signals use: ``addEventListener(type,
listener, {'once': True})``, ``removeEventListener``, ``dispatchEvent`` and the
``onabort`` handler attribute. Listeners get an :class:`Event` (``type`` 'abort',
``target`` the signal) and may declare no parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal import timers as _timers
from nodenet_uv._internal.arity import arg_limit, call_limited
from nodenet_uv._internal.naming import NodeNames, alias_module
from nodenet_uv._internal.promise import Promise
from nodenet_uv._internal.task_queues import next_tick, queue_microtask

__all__ = [
    "AbortController",
    "AbortSignal",
    "Event",
    "aborted",
    "addAbortListener",
    "kMaxEventTargetListeners",
]


class DOMException(Exception):
    """The DOMException Node uses for AbortSignal.timeout's reason."""

    _CODES = {"AbortError": 20, "TimeoutError": 23}

    def __init__(self, message: str = "", name: str = "Error") -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.code = self._CODES.get(name, 0)

    def __str__(self) -> str:
        return self.message


class Event:
    """The Event an EventTarget dispatches (only what 'abort' needs)."""

    __slots__ = ("currentTarget", "defaultPrevented", "isTrusted", "target", "type")

    def __init__(self, type: str) -> None:
        self.type = type
        self.target: Any = None
        self.currentTarget: Any = None
        self.defaultPrevented = False
        self.isTrusted = True

    def __repr__(self) -> str:
        return f"Event {{ type: {self.type!r} }}"


def _rethrow(err: BaseException) -> None:
    raise err


class _Listener:
    __slots__ = ("callback", "limit", "once", "removed")

    def __init__(self, callback: Any, once: bool) -> None:
        self.callback = callback
        self.once = once
        self.removed = False
        self.limit = arg_limit(callback) if callable(callback) else 1


# Node: events.kMaxEventTargetListeners (a symbol). DIVERGENCE: Python has no symbol-keyed
# properties; an EventTarget keeps its leak-warning limit in the attribute of this name.
kMaxEventTargetListeners = "_kMaxEventTargetListeners"


class AbortSignal(NodeNames):
    """Node's AbortSignal: ``aborted``, ``reason``, ``throwIfAborted()``, 'abort' events."""

    # Node 24: `this[kMaxEventTargetListeners] = 0`: an AbortSignal never warns about
    # many 'abort' listeners (events.setMaxListeners(n, signal) changes it).
    _kMaxEventTargetListeners: int | float = 0

    def __init__(self, *_: Any, _internal: bool = False) -> None:
        if not _internal:
            # Node: ERR_ILLEGAL_CONSTRUCTOR (a TypeError 'Illegal constructor').
            err = TypeError("Illegal constructor")
            err.code = "ERR_ILLEGAL_CONSTRUCTOR"  # type: ignore[attr-defined]
            raise err
        self._aborted = False
        self._reason: Any = None
        self._listeners: dict[str, list[_Listener]] = {}
        self._onabort: Any = None
        self._timeout = False
        self._dependants: list[AbortSignal] | None = None

    @property
    def aborted(self) -> bool:
        return self._aborted

    @property
    def reason(self) -> Any:
        return self._reason

    def throwIfAborted(self) -> None:
        if self._aborted:
            raise self._reason

    # -- EventTarget ---------------------------------------------------------------------
    def addEventListener(self, type: str, listener: Any, options: Any = None) -> None:
        if listener is None:
            return
        once = bool(options.get("once")) if isinstance(options, dict) else False
        lst = self._listeners.setdefault(type, [])
        for entry in lst:
            if entry.callback is listener or entry.callback == listener:
                return  # EventTarget ignores a listener added twice
        lst.append(_Listener(listener, once))

    def removeEventListener(self, type: str, listener: Any, options: Any = None) -> None:
        lst = self._listeners.get(type)
        if not lst:
            return
        for i, entry in enumerate(lst):
            if entry.callback is listener or entry.callback == listener:
                entry.removed = True
                del lst[i]
                return

    def dispatchEvent(self, event: Event) -> bool:
        event.target = event.currentTarget = self
        handler = self._onabort if event.type == "abort" else None
        entries = list(self._listeners.get(event.type, ()))
        # The onabort handler is a listener added when it was first set (simplified: first).
        calls: list[tuple[Any, int]] = []
        if handler is not None:
            calls.append((handler, arg_limit(handler) if callable(handler) else 1))
        for entry in entries:
            if entry.removed:
                continue
            if entry.once:
                self.removeEventListener(event.type, entry.callback)
            calls.append((entry.callback, entry.limit))
        for fn, limit in calls:
            try:
                if callable(fn):
                    call_limited(fn, limit, (event,))
                elif callable(getattr(fn, "handleEvent", None)):
                    fn.handleEvent(event)
            except Exception as err:
                # Node's EventTarget reports a listener's exception as uncaught, later.
                next_tick(_rethrow, err)
        event.currentTarget = None
        return not event.defaultPrevented

    @property
    def onabort(self) -> Any:
        return self._onabort

    @onabort.setter
    def onabort(self, value: Any) -> None:
        self._onabort = value if callable(value) else None

    def listenerCount(self, type: str = "abort") -> int:
        return len(self._listeners.get(type, ()))

    def listeners(self, type: str) -> list[Any]:
        # DIVERGENCE: not an EventTarget method; events.getEventListeners(target, type)
        # duck-types on it (Node reads an EventTarget's listener list internally).
        return [entry.callback for entry in self._listeners.get(type, ())]

    # -- statics -------------------------------------------------------------------------
    @staticmethod
    def abort(reason: Any = None) -> AbortSignal:
        # DIVERGENCE: Node's default reason is a DOMException named AbortError; here it is
        # errors.AbortError ('This operation was aborted', code 'ABORT_ERR').
        if reason is None:
            reason = _default_reason()
        return create_abort_signal(aborted=True, reason=reason)

    @staticmethod
    def timeout(delay: Any) -> AbortSignal:
        validators.validate_uint32(delay, "delay", False)
        signal = create_abort_signal()
        signal._timeout = True

        def on_timeout() -> None:
            abort_signal(
                signal,
                DOMException("The operation was aborted due to timeout", "TimeoutError"),
            )

        # Node: setTimeout(...).unref() (setWeakAbortSignalTimeout); the internal unref'd
        # timer is the same thing without the public layer above this one.
        _timers.setUnrefTimeout(on_timeout, delay)
        return signal

    @staticmethod
    def any(signals: Iterable[AbortSignal]) -> AbortSignal:
        signals = list(signals)
        for i, s in enumerate(signals):
            validators.validate_abort_signal(s, f"signals[{i}]")
        result = create_abort_signal()
        for s in signals:
            if s.aborted:
                abort_signal(result, s.reason)
                return result
        for s in signals:
            if s._dependants is None:
                s._dependants = []
            s._dependants.append(result)
        return result

    def __repr__(self) -> str:
        return f"AbortSignal {{ aborted: {'true' if self._aborted else 'false'} }}"

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        add_event_listener = addEventListener
        dispatch_event = dispatchEvent
        listener_count = listenerCount
        remove_event_listener = removeEventListener
        throw_if_aborted = throwIfAborted
    # END twins


def _default_reason() -> Any:
    return errors.AbortError("This operation was aborted")


def create_abort_signal(aborted: bool = False, reason: Any = None) -> AbortSignal:
    signal = AbortSignal(_internal=True)
    signal._aborted = aborted
    signal._reason = reason
    return signal


def abort_signal(signal: AbortSignal, reason: Any) -> None:
    if signal._aborted:
        return
    signal._aborted = True
    signal._reason = reason
    event = Event("abort")
    signal.dispatchEvent(event)
    dependants = signal._dependants
    if dependants:
        signal._dependants = None
        for s in dependants:
            abort_signal(s, reason)


class AbortController(NodeNames):
    """Node's AbortController: ``signal`` and ``abort(reason)``."""

    def __init__(self) -> None:
        self._signal: AbortSignal | None = None

    @property
    def signal(self) -> AbortSignal:
        if self._signal is None:
            self._signal = create_abort_signal()
        return self._signal

    def abort(self, reason: Any = None) -> None:
        if reason is None:
            reason = _default_reason()
        abort_signal(self.signal, reason)

    def __repr__(self) -> str:
        return f"AbortController {{ signal: {self.signal!r} }}"


class _Disposable:
    """What addAbortListener returns: calling dispose() (or the object) removes the listener."""

    __slots__ = ("_remove",)

    def __init__(self, remove: Callable[[], None] | None) -> None:
        self._remove = remove

    def dispose(self) -> None:
        remove = self._remove
        self._remove = None
        if remove is not None:
            remove()

    __call__ = dispose

    def __enter__(self) -> _Disposable:
        return self

    def __exit__(self, *_: Any) -> None:
        self.dispose()


def addAbortListener(signal: Any, listener: Callable[..., Any]) -> _Disposable:
    """Port of lib/internal/events/abort_listener.js (events.addAbortListener).

    DIVERGENCE: lives here next to AbortSignal; Node has it in events.
    """
    if signal is None:
        raise errors.ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal)
    validators.validate_abort_signal(signal, "signal")
    validators.validate_function(listener, "listener")

    remove: Callable[[], None] | None = None
    if signal.aborted:
        limit = arg_limit(listener)
        queue_microtask(lambda: listener() if limit == 0 else listener(None))
    else:
        signal.addEventListener("abort", listener, {"once": True})

        def remove() -> None:
            signal.removeEventListener("abort", listener)

    return _Disposable(remove)


def aborted(signal: Any, resource: Any) -> Any:
    """util.aborted(signal, resource): a Promise resolved when the signal aborts."""
    if signal is None:
        raise errors.ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal)
    validators.validate_abort_signal(signal, "signal")
    if signal.aborted:
        return Promise.resolve(None)
    p = Promise()
    signal.addEventListener("abort", lambda *_: p.resolve_(None), {"once": True})
    return p


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    add_abort_listener = addAbortListener
    k_max_event_target_listeners = kMaxEventTargetListeners
# END twins
