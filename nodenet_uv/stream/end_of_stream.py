"""Port of Node.js lib/internal/streams/end-of-stream.js: finished(stream[, options], callback).

``eos(stream, options, callback)`` calls ``callback(err)`` once, when the stream is done
(ended/finished/closed) or failed, and returns a cleanup function that removes every
listener it added. ``finished(stream, opts)`` is the promise form (our Promise).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.arity import arg_limit, limited
from nodenet_uv._internal.naming import alias_module, check_kwargs, node_options
from nodenet_uv._internal.promise import Promise
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.abort_controller import addAbortListener
from nodenet_uv.stream.utils import (
    isClosed,
    isNodeStream,
    isReadable,
    isReadableErrored,
    isReadableFinished,
    isReadableNodeStream,
    isReadableStream,
    isWritable,
    isWritableErrored,
    isWritableFinished,
    isWritableNodeStream,
    isWritableStream,
    kIsClosedPromise,
)
from nodenet_uv.stream.utils import willEmitClose as _willEmitClose

__all__ = ["eos", "finished"]

_MISSING: Any = object()


def isRequest(stream: Any) -> bool:
    return bool(getattr(stream, "setHeader", None)) and callable(getattr(stream, "abort", None))


def nop(*_: Any) -> None:
    return None


def _once(callback: Callable[..., Any]) -> Callable[..., Any]:
    """internal/util once(), with the JS rule that extra arguments are dropped."""
    called = False
    limit = arg_limit(callback)

    def wrapper(*args: Any) -> Any:
        nonlocal called
        if called:
            return None
        called = True
        if limit < 0 or limit >= len(args):
            return callback(*args)
        return callback(*args[:limit])

    return wrapper


def getEosErrored(stream: Any) -> Any:
    """Returns the current stream error tracked by eos(), if any."""
    errored = isWritableErrored(stream) or isReadableErrored(stream)
    return errored if errored and not isinstance(errored, bool) else None


def getEosOnCloseError(
    stream: Any, readable: Any, readableFinished: Any, writable: Any, writableFinished: Any
) -> Any:
    """Returns the error eos() would report from an immediate close, including
    premature close detection for unfinished readable or writable sides."""
    errored = getEosErrored(stream)
    if errored:
        return errored

    if readable and not readableFinished and isReadableNodeStream(stream, True):
        if not isReadableFinished(stream, False):
            return errors.ERR_STREAM_PREMATURE_CLOSE()
    if writable and not writableFinished:
        if not isWritableFinished(stream, False):
            return errors.ERR_STREAM_PREMATURE_CLOSE()

    return None


# Internal only: if eos() can settle immediately, invoke the callback before
# returning cleanup. Callers must tolerate cleanup yet to be assigned.
kEosNodeSynchronousCallback = "kEosNodeSynchronousCallback"

_EOS_OPTIONS = frozenset(("error", "readable", "writable", "signal"))

# immediateResult's "to be determined" (JS undefined; None is JS null: no error).
_TBD: Any = object()


def eos(
    stream: Any, options: Any = _MISSING, callback: Any = _MISSING, **kwargs: Any
) -> Callable[[], None]:
    """stream.finished(stream[, options], callback) → cleanup function."""
    if kwargs:
        check_kwargs(kwargs, _EOS_OPTIONS, "finished")
    if callback is _MISSING and not kwargs:
        callback = options
        options = {}
    elif callback is _MISSING:
        callback = options if options is not _MISSING else None
        options = node_options({}, kwargs)
    elif options is None or options is _MISSING:
        options = node_options({}, kwargs) if kwargs else {}
    else:
        options = node_options(options, kwargs)
        validators.validate_object(options, "options")
    validators.validate_function(callback, "callback")
    validators.validate_abort_signal(options.get("signal"), "options.signal")

    state: dict[str, Any] = {"callback": callback}

    def call(*args: Any) -> None:
        state["callback"](*args)

    if isReadableStream(stream) or isWritableStream(stream):
        state["callback"] = _once(callback)
        return eosWeb(stream, options, state)

    if not isNodeStream(stream):
        raise errors.ERR_INVALID_ARG_TYPE(
            "stream", ["ReadableStream", "WritableStream", "Stream"], stream
        )

    readable = options.get("readable")
    if readable is None:
        readable = isReadableNodeStream(stream)
    writable = options.get("writable")
    if writable is None:
        writable = isWritableNodeStream(stream)

    # TODO (ronag): Improve soft detection to include core modules and
    # common ecosystem modules that do properly emit 'close' but fail
    # this generic check.
    will_emit_close = (
        _willEmitClose(stream)
        and isReadableNodeStream(stream) == readable
        and isWritableNodeStream(stream) == writable
    )
    writable_finished = isWritableFinished(stream, False)
    readable_finished = isReadableFinished(stream, False)

    w_state = getattr(stream, "_writableState", None)
    r_state = getattr(stream, "_readableState", None)

    # Node 24: a result known now (the stream is closed, errored, finished...) is
    # delivered on the next tick without listening to the stream at all.
    # _TBD: to be determined; None: no error; else the error.
    immediateResult: Any = _TBD
    if isClosed(stream):
        immediateResult = getEosOnCloseError(
            stream, readable, readable_finished, writable, writable_finished
        )
    elif (w_state is not None and w_state.errorEmitted) or (
        r_state is not None and r_state.errorEmitted
    ):
        if not will_emit_close:
            immediateResult = getEosErrored(stream)
    elif (
        not readable
        and (not will_emit_close or isReadable(stream))
        and (writable_finished or isWritable(stream) is False)
        and (w_state is None or getattr(w_state, "pendingcb", 0) == 0)
    ):
        immediateResult = getEosErrored(stream)
    elif (
        not writable
        and (not will_emit_close or isWritable(stream))
        and (readable_finished or isReadable(stream) is False)
    ):
        immediateResult = getEosErrored(stream)
    elif r_state is not None and getattr(stream, "req", None) and getattr(stream, "aborted", None):
        immediateResult = getEosErrored(stream)

    def cleanupCallback() -> None:
        state["callback"] = nop

    def cleanupErrorNop() -> None:
        state["callback"] = nop
        stream.removeListener("error", nop)

    cleanup: Callable[[], None] = cleanupCallback
    signal = options.get("signal")
    if immediateResult is not _TBD:
        if options.get("error") is not False:
            stream.on("error", nop)
            cleanup = cleanupErrorNop
    elif signal is not None and signal.aborted:
        # Only `aborted` was validated: a signal-like object may have no `reason`
        # (JS reads undefined).
        immediateResult = errors.AbortError(None, cause=getattr(signal, "reason", None))
    # JS callers may ask for `callback` before eos() returns (kEosNodeSynchronousCallback).
    state["callback"] = limited(callback, 1)
    if immediateResult is not _TBD and options.get(kEosNodeSynchronousCallback):
        if immediateResult is None:
            call()
        else:
            call(immediateResult)
        return cleanup

    if immediateResult is not _TBD:
        result = immediateResult

        def settle() -> None:
            if result is None:
                call()
            else:
                call(result)

        next_tick(settle)
        return cleanup

    state["callback"] = _once(callback)

    def onlegacyfinish(*_: Any) -> None:
        # A legacy stream may have no `writable` at all (JS: undefined, falsy).
        if not getattr(stream, "writable", None):
            onfinish()

    def onfinish(*_: Any) -> None:
        nonlocal writable_finished, will_emit_close
        writable_finished = True
        # Stream should not be destroyed here. If it is that
        # means that user space is doing something differently and
        # we cannot trust willEmitClose.
        if getattr(stream, "destroyed", False):
            will_emit_close = False

        if will_emit_close and (not getattr(stream, "readable", None) or readable):
            return

        if not readable or readable_finished:
            call()

    def onend(*_: Any) -> None:
        nonlocal readable_finished, will_emit_close
        readable_finished = True
        # Stream should not be destroyed here. If it is that
        # means that user space is doing something differently and
        # we cannot trust willEmitClose.
        if getattr(stream, "destroyed", False):
            will_emit_close = False

        if will_emit_close and (not getattr(stream, "writable", None) or writable):
            return

        if not writable or writable_finished:
            call()

    def onerror(err: Any = None) -> None:
        call(err)

    def onclose(*_: Any) -> None:
        error = getEosOnCloseError(stream, readable, readable_finished, writable, writable_finished)
        if error is None:
            call()
        else:
            call(error)

    def onrequest(*_: Any) -> None:
        stream.req.on("finish", onfinish)

    if isRequest(stream):
        stream.on("complete", onfinish)
        if not will_emit_close:
            stream.on("abort", onclose)
        if getattr(stream, "req", None):
            onrequest()
        else:
            stream.on("request", onrequest)
    elif writable and w_state is None:  # legacy streams
        stream.on("end", onlegacyfinish)
        stream.on("close", onlegacyfinish)

    # Not all streams will emit 'close' after 'aborted'.
    if not will_emit_close and isinstance(getattr(stream, "aborted", None), bool):
        stream.on("aborted", onclose)

    stream.on("end", onend)
    stream.on("finish", onfinish)
    if options.get("error") is not False:
        stream.on("error", onerror)
    stream.on("close", onclose)

    def cleanupListeners() -> None:
        state["callback"] = nop
        stream.removeListener("aborted", onclose)
        stream.removeListener("complete", onfinish)
        stream.removeListener("abort", onclose)
        stream.removeListener("request", onrequest)
        req = getattr(stream, "req", None)
        if req:
            req.removeListener("finish", onfinish)
        stream.removeListener("end", onlegacyfinish)
        stream.removeListener("close", onlegacyfinish)
        stream.removeListener("finish", onfinish)
        stream.removeListener("end", onend)
        stream.removeListener("error", onerror)
        stream.removeListener("close", onclose)

    cleanup = cleanupListeners

    if signal:

        def abort(*_: Any) -> None:
            # Keep it because cleanup removes it.
            end_callback = state["callback"]
            cleanup()
            # Only `aborted` was validated: a signal-like object may have no `reason`
            # (JS reads undefined).
            end_callback(errors.AbortError(None, cause=getattr(signal, "reason", None)))

        disposable = addAbortListener(signal, abort)
        original_callback = state["callback"]

        def disposing(*args: Any) -> None:
            disposable.dispose()
            original_callback(*args)

        state["callback"] = _once(disposing)

    return cleanup


def eosWeb(stream: Any, options: dict[str, Any], state: dict[str, Any]) -> Callable[[], None]:
    is_aborted = False
    signal = options.get("signal")
    if signal:

        def abort(*_: Any) -> None:
            nonlocal is_aborted
            is_aborted = True
            state["callback"](errors.AbortError(None, cause=getattr(signal, "reason", None)))

        if signal.aborted:
            next_tick(abort)
        else:
            disposable = addAbortListener(signal, abort)
            original_callback = state["callback"]

            def disposing(*args: Any) -> None:
                disposable.dispose()
                original_callback(*args)

            state["callback"] = _once(disposing)

    def resolver_fn(*args: Any) -> None:
        if not is_aborted:
            next_tick(lambda: state["callback"](*args))

    getattr(stream, kIsClosedPromise).promise.then(resolver_fn, resolver_fn)
    return nop


def finished(stream: Any, opts: Any = None, **kwargs: Any) -> Promise:
    """stream/promises finished(stream[, options]): a Promise of None (rejects with the error)."""
    opts = node_options(opts, kwargs, _EOS_OPTIONS | {"cleanup"}, "finished") if kwargs else opts
    auto_cleanup = False
    if opts is None:
        opts = {}
    if isinstance(opts, dict) and opts.get("cleanup"):
        validators.validate_boolean(opts["cleanup"], "cleanup")
        auto_cleanup = opts["cleanup"]

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        cleanup: Callable[[], None] | None = None

        def done(err: Any = None) -> None:
            if auto_cleanup and cleanup is not None:
                cleanup()
            if err:
                reject(err)
            else:
                resolve(None)

        cleanup = eos(stream, opts, done)

    return Promise(executor)


__all__ += alias_module(globals(), __all__)
