"""Port of Node.js lib/timers/promises.js: setTimeout, setImmediate and setInterval as
promises, and the experimental ``scheduler`` (``wait``, ``yield``).

Node: ``timers/promises``, also ``require('timers').promises`` (here
``nodenet_uv.timers.promises``). ``setTimeout`` and ``setImmediate`` return a
:class:`~nodenet_uv._internal.promise.Promise` (awaitable in a coroutine run by
:func:`nodenet_uv.run`); ``setInterval`` returns an async generator: ``async for value in
setInterval(10, 'tick'):`` or, by hand, ``next()``/``return_()`` (Promises of ``{'value':
..., 'done': ...}``). Options are a dict (``{'signal': ac.signal, 'ref': False}``) or
keyword arguments (``signal=ac.signal, ref=False``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.async_generator import AsyncGenerator
from nodenet_uv._internal.inspect import js_get, js_truthy
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv._internal.promise import Promise
from nodenet_uv._internal.timers import Immediate, Timeout, insert
from nodenet_uv.timers import clearImmediate, clearInterval, clearTimeout

__all__ = ["scheduler", "setImmediate", "setInterval", "setTimeout"]

# kEmptyObject, the options' default. Never mutated (options are only read).
_kEmptyObject: Mapping[str, Any] = {}

# Options for signal.addEventListener. Node passes [kResistStopPropagation]: true so that
# an abort listener calling stopImmediatePropagation() cannot keep the timer alive; our
# AbortSignal has no stopImmediatePropagation, so there is nothing to resist.
_LISTENER_OPTIONS: Mapping[str, Any] = {}
_ONCE_LISTENER_OPTIONS: Mapping[str, Any] = {"once": True}


_OPTIONS = frozenset(("signal", "ref"))


def _options(options: Any, kwargs: Mapping[str, Any]) -> Any:
    # `options = kEmptyObject` (None is JS undefined); keyword arguments join a dict. A
    # non-dict is left as it is for validateObject to reject, keyword arguments or not.
    if options is None:
        options = _kEmptyObject
    if kwargs and isinstance(options, Mapping):
        return node_options(options, kwargs, _OPTIONS, "timers.promises")
    return options


def cancelListenerHandler(
    this: Any, clear: Callable[[Any], None], reject: Callable[[Any], None], signal: Any
) -> None:
    # `this` is the Timeout or Immediate (Node binds it). A timer that already fired is
    # destroyed: its promise is settled and an abort arriving before the finally() below
    # removed this listener must not reject it.
    if not this._destroyed:
        clear(this)
        reject(errors.AbortError(None, {"cause": js_get(signal, "reason")}))


def _bind(
    this: Any, clear: Callable[[Any], None], reject: Callable[[Any], None], signal: Any
) -> Any:
    """FunctionPrototypeBind(cancelListenerHandler, this, clear, reject, signal)."""

    def oncancel(*_event: Any) -> None:
        cancelListenerHandler(this, clear, reject, signal)

    return oncancel


def setTimeout(delay: Any = None, value: Any = None, options: Any = None, **kwargs: Any) -> Promise:
    """setTimeout(delay, value, options): a Promise of ``value`` after ``delay`` ms.

    Node: ``timersPromises.setTimeout``. ``options``: ``signal`` (an AbortSignal: aborting
    clears the timer and rejects with an AbortError whose ``cause`` is the signal's
    reason), ``ref`` (``False``: the timer does not keep the loop alive). Bad arguments
    give a rejected Promise (ERR_INVALID_ARG_TYPE), never an exception.
    """
    options = _options(options, kwargs)
    try:
        if delay is not None:
            validators.validate_number(delay, "delay")

        validators.validate_object(options, "options")

        signal = js_get(options, "signal")
        if signal is not None:
            validators.validate_abort_signal(signal, "options.signal")

        ref = js_get(options, "ref")
        if ref is not None:
            validators.validate_boolean(ref, "options.ref")
    except Exception as err:
        return Promise.reject(err)

    if ref is None:
        ref = True

    if signal is not None and js_truthy(js_get(signal, "aborted")):
        return Promise.reject(errors.AbortError(None, {"cause": js_get(signal, "reason")}))

    oncancel: Any = None

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        nonlocal oncancel
        timeout = Timeout(resolve, delay, (value,), False, ref)
        insert(timeout, timeout._idleTimeout)
        if signal is not None:
            oncancel = _bind(timeout, clearTimeout, reject, signal)
            signal.addEventListener("abort", oncancel, _LISTENER_OPTIONS)

    ret = Promise(executor)
    if oncancel is not None:
        # The listener goes once the promise settles (the timer fired or was aborted).
        return ret.finally_(lambda: signal.removeEventListener("abort", oncancel))
    return ret


def setImmediate(value: Any = None, options: Any = None, **kwargs: Any) -> Promise:
    """setImmediate(value, options): a Promise of ``value`` in the next check phase.

    Node: ``timersPromises.setImmediate``. ``options`` as for :func:`setTimeout`.
    """
    options = _options(options, kwargs)
    try:
        validators.validate_object(options, "options")

        signal = js_get(options, "signal")
        if signal is not None:
            validators.validate_abort_signal(signal, "options.signal")

        ref = js_get(options, "ref")
        if ref is not None:
            validators.validate_boolean(ref, "options.ref")
    except Exception as err:
        return Promise.reject(err)

    if ref is None:
        ref = True

    if signal is not None and js_truthy(js_get(signal, "aborted")):
        return Promise.reject(errors.AbortError(None, {"cause": js_get(signal, "reason")}))

    oncancel: Any = None

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        nonlocal oncancel
        immediate = Immediate(resolve, (value,))
        if not ref:
            immediate.unref()
        if signal is not None:
            oncancel = _bind(immediate, clearImmediate, reject, signal)
            signal.addEventListener("abort", oncancel, _LISTENER_OPTIONS)

    ret = Promise(executor)
    if oncancel is not None:
        return ret.finally_(lambda: signal.removeEventListener("abort", oncancel))
    return ret


def setInterval(
    delay: Any = None, value: Any = None, options: Any = None, **kwargs: Any
) -> AsyncGenerator:
    """setInterval(delay, value, options): an async iterator giving ``value`` every ``delay`` ms.

    Node: ``timersPromises.setInterval`` (an async generator function). Nothing runs
    before the first ``next()``: bad arguments reject that first step, as in Node.
    Intervals that elapse while the consumer is busy are not lost: each gives one value.
    ``options`` as for :func:`setTimeout`; an abort ends the iteration with an AbortError.
    Leaving an ``async for`` loop early (``break``) clears the interval at once, as JS's
    ``for await`` does by calling ``return()``.
    """
    return AsyncGenerator(
        _set_interval(delay, value, _options(options, kwargs)), for_await_return=True
    )


async def _set_interval(after: Any, value: Any, options: Any) -> AsyncIterator[Any]:
    # The body of Node's `async function* setInterval`.
    if after is not None:
        validators.validate_number(after, "delay")

    validators.validate_object(options, "options")

    signal = js_get(options, "signal")
    if signal is not None:
        validators.validate_abort_signal(signal, "options.signal")

    ref = js_get(options, "ref")
    if ref is not None:
        validators.validate_boolean(ref, "options.ref")
    else:
        ref = True

    if signal is not None and js_truthy(js_get(signal, "aborted")):
        raise errors.AbortError(None, {"cause": js_get(signal, "reason")})

    on_cancel: Any = None
    interval: Timeout | None = None
    try:
        not_yielded = 0
        callback: Callable[..., None] | None = None

        def on_timeout() -> None:
            nonlocal not_yielded, callback
            not_yielded += 1
            if callback is not None:
                callback()
                callback = None

        interval = Timeout(on_timeout, after, None, True, ref)
        insert(interval, interval._idleTimeout)
        if signal is not None:

            def on_cancel_(*_event: Any) -> None:
                nonlocal callback
                clearInterval(interval)
                if callback is not None:
                    callback(
                        Promise.reject(errors.AbortError(None, {"cause": js_get(signal, "reason")}))
                    )
                    callback = None

            on_cancel = on_cancel_
            signal.addEventListener("abort", on_cancel, _ONCE_LISTENER_OPTIONS)

        def wait_for_tick(resolve: Callable[..., None], _reject: Callable[..., None]) -> None:
            nonlocal callback
            callback = resolve

        while not (signal is not None and js_truthy(js_get(signal, "aborted"))):
            if not_yielded == 0:
                await Promise(wait_for_tick)
            while not_yielded > 0:
                yield value
                not_yielded -= 1
        raise errors.AbortError(None, {"cause": js_get(signal, "reason")})
    finally:
        clearInterval(interval)
        if signal is not None:
            signal.removeEventListener("abort", on_cancel)


# TODO(@jasnell): Scheduler is an API currently being discussed by WICG
# for Web Platform standardization: https://github.com/WICG/scheduling-apis
# The scheduler.yield() and scheduler.wait() methods correspond roughly to
# the awaitable setTimeout and setImmediate implementations here. This api
# should be considered to be experimental until the spec for these are
# finalized. Note, also, that Scheduler is expected to be defined as a global,
# but while the API is experimental we shouldn't expose it as such.
class Scheduler:
    """The class of :data:`scheduler` (``new Scheduler()`` throws ERR_ILLEGAL_CONSTRUCTOR)."""

    __slots__ = ("_kScheduler",)
    # this[kScheduler]: set on the one instance, scheduler.
    _kScheduler: bool

    def __init__(self) -> None:
        raise errors.ERR_ILLEGAL_CONSTRUCTOR()

    def yield_(self) -> Promise:
        """scheduler.yield(): a Promise resolved in the next check phase (setImmediate()).

        DIVERGENCE: ``yield`` is a Python keyword, so the method is ``yield_``;
        ``getattr(scheduler, 'yield')`` is the same method.
        """
        if not getattr(self, "_kScheduler", False):
            raise errors.ERR_INVALID_THIS("Scheduler")
        return setImmediate()

    def wait(self, delay: Any = None, options: Any = None, **kwargs: Any) -> Promise:
        """scheduler.wait(delay, options): setTimeout(delay, None, options)."""
        if not getattr(self, "_kScheduler", False):
            raise errors.ERR_INVALID_THIS("Scheduler")
        return setTimeout(delay, None, options, **kwargs)

    def __repr__(self) -> str:
        return "Scheduler {}"


# DIVERGENCE: the JS name of yield_ (see there), reachable with getattr.
setattr(Scheduler, "yield", Scheduler.yield_)


def _new_scheduler() -> Scheduler:
    # ReflectConstruct(function() { this[kScheduler] = true; }, [], Scheduler): an instance
    # made without running Scheduler's constructor (which throws).
    instance = object.__new__(Scheduler)
    instance._kScheduler = True
    return instance


scheduler = _new_scheduler()

__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    set_immediate = setImmediate
    set_interval = setInterval
    set_timeout = setTimeout
# END twins
