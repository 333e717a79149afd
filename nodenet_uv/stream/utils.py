"""Port of Node.js lib/internal/streams/utils.js: duck-typed predicates over streams.

Node keys some state by global symbols (``Symbol.for('nodejs.stream.destroyed')``, ...)
so that readable-stream and core can read each other's flags; here those keys are
attribute names (``getattr(stream, kIsDestroyed, None)``). Node's ``kState`` bit field is
not needed: ReadableState/WritableState keep one ``__slots__`` field per flag, under
Node's names. ``kOnConstructed`` names the state method that construct() calls back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nodenet_uv._internal.naming import alias_module

__all__ = [
    "isClosed",
    "isDestroyed",
    "isDisturbed",
    "isDuplexNodeStream",
    "isErrored",
    "isFinished",
    "isIterable",
    "isNodeStream",
    "isOutgoingMessage",
    "isReadable",
    "isReadableEnded",
    "isReadableErrored",
    "isReadableFinished",
    "isReadableNodeStream",
    "isReadableStream",
    "isServerRequest",
    "isServerResponse",
    "isTransformStream",
    "isWebStream",
    "isWritable",
    "isWritableEnded",
    "isWritableErrored",
    "isWritableFinished",
    "isWritableNodeStream",
    "isWritableStream",
    "kControllerErrorFunction",
    "kIsClosedPromise",
    "kIsDestroyed",
    "kIsDisturbed",
    "kIsErrored",
    "kIsReadable",
    "kIsWritable",
    "kOnConstructed",
    "willEmitClose",
]

# Symbol.for(...) keys → attribute names.
kIsDestroyed = "_nodejs_stream_destroyed"
kIsErrored = "_nodejs_stream_errored"
kIsReadable = "_nodejs_stream_readable"
kIsWritable = "_nodejs_stream_writable"
kIsDisturbed = "_nodejs_stream_disturbed"
kIsClosedPromise = "_nodejs_webstream_isClosedPromise"
kControllerErrorFunction = "_nodejs_webstream_controllerErrorFunction"

# Name of the state method destroy.construct() ends with: state._on_constructed(stream).
kOnConstructed = "_on_constructed"


def _fn(obj: Any, name: str) -> bool:
    return callable(getattr(obj, name, None))


def isReadableNodeStream(obj: Any, strict: bool = False) -> bool:
    if not obj or not _fn(obj, "pipe") or not _fn(obj, "on"):
        return False
    if strict and not (_fn(obj, "pause") and _fn(obj, "resume")):
        return False
    w = getattr(obj, "_writableState", None)
    r = getattr(obj, "_readableState", None)
    if w is not None and getattr(r, "readable", None) is False:  # Duplex
        return False
    if w is not None and r is None:  # Writable has .pipe.
        return False
    return True


def isWritableNodeStream(obj: Any) -> bool:
    if not obj or not _fn(obj, "write") or not _fn(obj, "on"):
        return False
    r = getattr(obj, "_readableState", None)
    w = getattr(obj, "_writableState", None)
    return r is None or getattr(w, "writable", None) is not False  # Duplex


def isDuplexNodeStream(obj: Any) -> bool:
    return bool(
        obj
        and _fn(obj, "pipe")
        and getattr(obj, "_readableState", None) is not None
        and _fn(obj, "on")
        and _fn(obj, "write")
    )


def isNodeStream(obj: Any) -> bool:
    return bool(
        obj
        and (
            getattr(obj, "_readableState", None) is not None
            or getattr(obj, "_writableState", None) is not None
            or (_fn(obj, "write") and _fn(obj, "on"))
            or (_fn(obj, "pipe") and _fn(obj, "on"))
        )
    )


def isReadableStream(obj: Any) -> bool:
    return bool(
        obj
        and not isNodeStream(obj)
        and _fn(obj, "pipeThrough")
        and _fn(obj, "getReader")
        and _fn(obj, "cancel")
    )


def isWritableStream(obj: Any) -> bool:
    return bool(obj and not isNodeStream(obj) and _fn(obj, "getWriter") and _fn(obj, "abort"))


def isTransformStream(obj: Any) -> bool:
    return bool(
        obj
        and not isNodeStream(obj)
        and getattr(obj, "readable", None) is not None
        and not isinstance(getattr(obj, "readable", None), (bool, int, str))
        and getattr(obj, "writable", None) is not None
        and not isinstance(getattr(obj, "writable", None), (bool, int, str))
    )


def isWebStream(obj: Any) -> bool:
    return isReadableStream(obj) or isWritableStream(obj) or isTransformStream(obj)


def isIterable(obj: Any, isAsync: bool | None = None) -> bool:
    if obj is None:
        return False
    if isAsync is True:
        return _fn(obj, "__aiter__")
    if isAsync is False:
        return _fn(obj, "__iter__")
    return _fn(obj, "__aiter__") or _fn(obj, "__iter__")


def isDestroyed(stream: Any) -> bool | None:
    if not isNodeStream(stream):
        return None
    w = getattr(stream, "_writableState", None)
    state = w if w is not None else getattr(stream, "_readableState", None)
    return bool(
        getattr(stream, "destroyed", False)
        or getattr(stream, kIsDestroyed, None)
        or (state is not None and state.destroyed)
    )


# Have been end():d.
def isWritableEnded(stream: Any) -> bool | None:
    if not isWritableNodeStream(stream):
        return None
    if getattr(stream, "writableEnded", None) is True:
        return True
    w = getattr(stream, "_writableState", None)
    if w is not None and w.errored:
        return False
    ended = getattr(w, "ended", None)
    if not isinstance(ended, bool):
        return None
    return ended


# Have emitted 'finish'.
def isWritableFinished(stream: Any, strict: bool | None = None) -> bool | None:
    if not isWritableNodeStream(stream):
        return None
    if getattr(stream, "writableFinished", None) is True:
        return True
    w: Any = getattr(stream, "_writableState", None)
    if w is not None and w.errored:
        return False
    if not isinstance(getattr(w, "finished", None), bool):
        return None
    return bool(w.finished or (strict is False and w.ended is True and w.length == 0))


# Have been push(None):d.
def isReadableEnded(stream: Any) -> bool | None:
    if not isReadableNodeStream(stream):
        return None
    if getattr(stream, "readableEnded", None) is True:
        return True
    r = getattr(stream, "_readableState", None)
    if r is None or r.errored:
        return False
    if not isinstance(getattr(r, "ended", None), bool):
        return None
    return bool(r.ended)


# Have emitted 'end'.
def isReadableFinished(stream: Any, strict: bool | None = None) -> bool | None:
    if not isReadableNodeStream(stream):
        return None
    r: Any = getattr(stream, "_readableState", None)
    if r is not None and r.errored:
        return False
    if not isinstance(getattr(r, "endEmitted", None), bool):
        return None
    return bool(r.endEmitted or (strict is False and r.ended is True and r.length == 0))


def isReadable(stream: Any) -> bool | None:
    flag = getattr(stream, kIsReadable, None) if stream else None
    if flag is not None:
        return bool(flag)
    if not isinstance(getattr(stream, "readable", None), bool):
        return None
    if isDestroyed(stream):
        return False
    return isReadableNodeStream(stream) and stream.readable and not isReadableFinished(stream)


def isWritable(stream: Any) -> bool | None:
    flag = getattr(stream, kIsWritable, None) if stream else None
    if flag is not None:
        return bool(flag)
    if not isinstance(getattr(stream, "writable", None), bool):
        return None
    if isDestroyed(stream):
        return False
    return isWritableNodeStream(stream) and stream.writable and not isWritableEnded(stream)


def isFinished(stream: Any, opts: dict[str, Any] | None = None) -> bool | None:
    if not isNodeStream(stream):
        return None
    if isDestroyed(stream):
        return True
    if (opts is None or opts.get("readable") is not False) and isReadable(stream):
        return False
    if (opts is None or opts.get("writable") is not False) and isWritable(stream):
        return False
    return True


def isWritableErrored(stream: Any) -> Any:
    if not isNodeStream(stream):
        return None
    errored = getattr(stream, "writableErrored", None)
    if errored:
        return errored
    w = getattr(stream, "_writableState", None)
    return None if w is None else w.errored


def isReadableErrored(stream: Any) -> Any:
    if not isNodeStream(stream):
        return None
    errored = getattr(stream, "readableErrored", None)
    if errored:
        return errored
    r = getattr(stream, "_readableState", None)
    return None if r is None else r.errored


def isClosed(stream: Any) -> bool | None:
    if not isNodeStream(stream):
        return None
    closed = getattr(stream, "closed", None)
    if isinstance(closed, bool):
        return closed
    w = getattr(stream, "_writableState", None)
    r = getattr(stream, "_readableState", None)
    wc = getattr(w, "closed", None)
    rc = getattr(r, "closed", None)
    if isinstance(wc, bool) or isinstance(rc, bool):
        return bool(wc or rc)
    c = getattr(stream, "_closed", None)
    if isinstance(c, bool) and isOutgoingMessage(stream):
        return c
    return None


def isOutgoingMessage(stream: Any) -> bool:
    return (
        isinstance(getattr(stream, "_closed", None), bool)
        and isinstance(getattr(stream, "_defaultKeepAlive", None), bool)
        and isinstance(getattr(stream, "_removedConnection", None), bool)
        and isinstance(getattr(stream, "_removedContLen", None), bool)
    )


def isServerResponse(stream: Any) -> bool:
    return isinstance(getattr(stream, "_sent100", None), bool) and isOutgoingMessage(stream)


def isServerRequest(stream: Any) -> bool:
    req = getattr(stream, "req", None)
    return (
        isinstance(getattr(stream, "_consuming", None), bool)
        and isinstance(getattr(stream, "_dumped", None), bool)
        and getattr(req, "upgradeOrConnect", None) is None
    )


def willEmitClose(stream: Any) -> bool | None:
    if not isNodeStream(stream):
        return None
    w = getattr(stream, "_writableState", None)
    state = w if w is not None else getattr(stream, "_readableState", None)
    return (state is None and isServerResponse(stream)) or bool(
        state is not None and state.autoDestroy and state.emitClose and state.closed is False
    )


def _first(*values: Any) -> Any:
    for v in values:
        if v is not None:
            return v
    return None


def isDisturbed(stream: Any) -> bool:
    if not stream:
        return False
    flag = getattr(stream, kIsDisturbed, None)
    if flag is not None:
        return bool(flag)
    return bool(
        getattr(stream, "readableDidRead", None) or getattr(stream, "readableAborted", None)
    )


def isErrored(stream: Any) -> bool:
    if not stream:
        return False
    r = getattr(stream, "_readableState", None)
    w = getattr(stream, "_writableState", None)
    return bool(
        _first(
            getattr(stream, kIsErrored, None),
            getattr(stream, "readableErrored", None),
            getattr(stream, "writableErrored", None),
            getattr(r, "errorEmitted", None),
            getattr(w, "errorEmitted", None),
            getattr(r, "errored", None),
            getattr(w, "errored", None),
        )
    )


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    is_closed = isClosed
    is_destroyed = isDestroyed
    is_disturbed = isDisturbed
    is_duplex_node_stream = isDuplexNodeStream
    is_errored = isErrored
    is_finished = isFinished
    is_iterable = isIterable
    is_node_stream = isNodeStream
    is_outgoing_message = isOutgoingMessage
    is_readable = isReadable
    is_readable_ended = isReadableEnded
    is_readable_errored = isReadableErrored
    is_readable_finished = isReadableFinished
    is_readable_node_stream = isReadableNodeStream
    is_readable_stream = isReadableStream
    is_server_request = isServerRequest
    is_server_response = isServerResponse
    is_transform_stream = isTransformStream
    is_web_stream = isWebStream
    is_writable = isWritable
    is_writable_ended = isWritableEnded
    is_writable_errored = isWritableErrored
    is_writable_finished = isWritableFinished
    is_writable_node_stream = isWritableNodeStream
    is_writable_stream = isWritableStream
    k_controller_error_function = kControllerErrorFunction
    k_is_closed_promise = kIsClosedPromise
    k_is_destroyed = kIsDestroyed
    k_is_disturbed = kIsDisturbed
    k_is_errored = kIsErrored
    k_is_readable = kIsReadable
    k_is_writable = kIsWritable
    k_on_constructed = kOnConstructed
    will_emit_close = willEmitClose
# END twins
