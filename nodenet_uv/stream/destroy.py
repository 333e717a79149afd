"""Port of Node.js lib/internal/streams/destroy.js: destroy, undestroy, errorOrDestroy, construct.

Node keeps the flags in a ``kState`` bit field; here ReadableState/WritableState keep one
``__slots__`` field per flag under Node's names (``destroyed``, ``closed``, ``errorEmitted``,
...), so ``w[kState] & kDestroyed`` reads ``w.destroyed``.
"""

from __future__ import annotations

import sys
import types
from _thread import get_ident
from collections.abc import Callable
from types import CoroutineType
from typing import TYPE_CHECKING, Any

from nodenet_uv import errors
from nodenet_uv._internal import task_queues as _tq
from nodenet_uv._internal.arity import arg_limit
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.promise import spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.events import Symbol
from nodenet_uv.stream.utils import isDestroyed, isFinished, isServerRequest, kIsDestroyed

__all__ = [
    "construct",
    "destroy",
    "destroyer",
    "errorOrDestroy",
    "kConstruct",
    "kDestroy",
    "undestroy",
]

kDestroy = Symbol("kDestroy")
kConstruct = Symbol("kConstruct")


def checkError(err: Any, w: Any, r: Any) -> None:
    if err:
        if w is not None and not w.errored:
            w.errored = err
        if r is not None and not r.errored:
            r.errored = err


# Backwards compat. cb() is undocumented and unused in core but
# unfortunately might be used by modules.
def destroy(self: Any, err: Any = None, cb: Any = None) -> Any:
    """Stream.prototype.destroy (Readable's; Writable/Duplex wrap it)."""
    if (
        get_ident() != _tq._loop._fast
    ):  # INLINED(enter, _binding/loop.py); off the loop's thread: RuntimeError before any state changes
        _tq._loop.enter_slow()
    r = self._readableState if hasattr(self, "_readableState") else None
    w = self._writableState if hasattr(self, "_writableState") else None
    # With duplex streams we use the writable side for state.
    s = w if w is not None else r

    if (w is not None and w.destroyed) or (r is not None and r.destroyed):
        if callable(cb):
            cb()
        return self

    # We set destroyed to true before firing error callbacks in order
    # to make it re-entrance safe in case destroy() is called within callbacks
    checkError(err, w, r)

    if w is not None:
        w.destroyed = True
    if r is not None:
        r.destroyed = True

    # If still constructing then defer calling _destroy.
    if s is not None and not s.constructed:

        def onDestroy(er: Any = None) -> None:
            _destroy(self, errors.aggregateTwoErrors(er, err), cb)

        self.once(kDestroy, onDestroy)
    else:
        _destroy(self, err, cb)

    return self


def _destroy(self: Any, err: Any, cb: Any) -> None:
    called = False

    def onDestroy(err: Any = None, *_: Any) -> None:
        nonlocal called
        if called:
            return
        called = True

        r = getattr(self, "_readableState", None)
        w = getattr(self, "_writableState", None)

        checkError(err, w, r)

        if w is not None:
            w.closed = True
        if r is not None:
            r.closed = True

        if callable(cb):
            _call_cb(cb, err)

        if err:
            next_tick(emitErrorCloseNT, self, err)
        else:
            next_tick(emitCloseNT, self)

    try:
        r = self._destroy(err or None, onDestroy)
        if r is not None and type(r) is CoroutineType:
            spawn(r)  # an `async def _destroy` runs like a JS async function
    except Exception as e:
        onDestroy(e)


def _call_cb(cb: Callable[..., Any], err: Any) -> None:
    if arg_limit(cb) == 0:
        cb()
    else:
        cb(err)


def emitErrorCloseNT(self: Any, err: Any) -> None:
    emitErrorNT(self, err)
    emitCloseNT(self)


def emitCloseNT(self: Any) -> None:
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)

    if w is not None:
        w.closeEmitted = True
    if r is not None:
        r.closeEmitted = True

    if (w is not None and w.emitClose) or (r is not None and r.emitClose):
        self.emit("close")


def emitErrorNT(self: Any, err: Any) -> None:
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)

    if (w is not None and w.errorEmitted) or (r is not None and r.errorEmitted):
        return

    if w is not None:
        w.errorEmitted = True
    if r is not None:
        r.errorEmitted = True

    self.emit("error", err)


def undestroy(self: Any) -> None:
    """Stream.prototype._undestroy."""
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)

    if r is not None:
        r.constructed = True
        r.closed = False
        r.closeEmitted = False
        r.destroyed = False
        r.errored = None
        r.errorEmitted = False
        r.reading = False
        r.ended = r.readable is False
        r.endEmitted = r.readable is False

    if w is not None:
        w.constructed = True
        w.destroyed = False
        w.closed = False
        w.closeEmitted = False
        w.errored = None
        w.errorEmitted = False
        w.finalCalled = False
        w.prefinished = False
        w.ended = w.writable is False
        w.ending = w.writable is False
        w.finished = w.writable is False


def errorOrDestroy(stream: Any, err: Any, sync: bool = False) -> None:
    # We have tests that rely on errors being emitted
    # in the same tick, so changing this is semver major.
    # For now when you opt-in to autoDestroy we allow
    # the error to be emitted nextTick. In a future
    # semver major update we should change the default to this.

    r = getattr(stream, "_readableState", None)
    w = getattr(stream, "_writableState", None)

    if (w is not None and w.destroyed) or (r is not None and r.destroyed):
        return

    if (r is not None and r.autoDestroy) or (w is not None and w.autoDestroy):
        stream.destroy(err)
    elif err:
        if w is not None and not w.errored:
            w.errored = err
        if r is not None and not r.errored:
            r.errored = err
        if sync:
            next_tick(emitErrorNT, stream, err)
        else:
            emitErrorNT(stream, err)


def construct(stream: Any, cb: Callable[[], Any]) -> None:
    if not callable(getattr(stream, "_construct", None)):
        return

    r = getattr(stream, "_readableState", None)
    w = getattr(stream, "_writableState", None)

    if r is not None:
        r.constructed = False
    if w is not None:
        w.constructed = False

    stream.once(kConstruct, cb)

    if stream.listenerCount(kConstruct) > 1:
        # Duplex
        return

    next_tick(constructNT, stream)


def constructNT(stream: Any) -> None:
    called = False

    def onConstruct(err: Any = None) -> None:
        nonlocal called
        if called:
            errorOrDestroy(stream, err if err is not None else errors.ERR_MULTIPLE_CALLBACK())
            return
        called = True

        r = getattr(stream, "_readableState", None)
        w = getattr(stream, "_writableState", None)
        s = w if w is not None else r

        if r is not None:
            r.constructed = True
        if w is not None:
            w.constructed = True

        if s is not None and s.destroyed:
            stream.emit(kDestroy, err)
        elif err:
            errorOrDestroy(stream, err, True)
        else:
            stream.emit(kConstruct)

    def callback(err: Any = None, *_: Any) -> None:
        next_tick(onConstruct, err)

    try:
        r = stream._construct(callback)
        if r is not None and type(r) is CoroutineType:
            spawn(r)
    except Exception as err:
        next_tick(onConstruct, err)


def isRequest(stream: Any) -> bool:
    return bool(
        stream is not None
        and getattr(stream, "setHeader", None)
        and callable(getattr(stream, "abort", None))
    )


def emitCloseLegacy(stream: Any) -> None:
    stream.emit("close")


def emitErrorCloseLegacy(stream: Any, err: Any) -> None:
    stream.emit("error", err)
    next_tick(emitCloseLegacy, stream)


# Normalize destroy for legacy.
def destroyer(stream: Any, err: Any = None) -> None:
    if not stream or isDestroyed(stream):
        return

    if not err and not isFinished(stream):
        err = errors.AbortError()

    # TODO: Remove isRequest branches.
    if isServerRequest(stream):
        stream.socket = None
        stream.destroy(err)
    elif isRequest(stream):
        stream.abort()
    elif isRequest(getattr(stream, "req", None)):
        stream.req.abort()
    elif callable(getattr(stream, "destroy", None)):
        stream.destroy(err)
    elif callable(getattr(stream, "close", None)):
        # TODO: Don't lose err?
        stream.close()
    elif err:
        next_tick(emitErrorCloseLegacy, stream, err)
    else:
        next_tick(emitCloseLegacy, stream)

    if not getattr(stream, "destroyed", False):
        setattr(stream, kIsDestroyed, True)


__all__ += alias_module(globals(), __all__)


class _DestroyModule(types.ModuleType):
    """stream.destroy(stream[, err]) is this module called as a function.

    DIVERGENCE: Node's ``require('stream').destroy`` is destroyer(); here the package
    attribute ``nodenet_uv.stream.destroy`` is also this submodule (which other modules
    import as ``destroyImpl``), so the module itself is made callable.
    """

    def __call__(self, stream: Any, err: Any = None) -> None:
        destroyer(stream, err)


sys.modules[__name__].__class__ = _DestroyModule


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    error_or_destroy = errorOrDestroy
    k_construct = kConstruct
    k_destroy = kDestroy
# END twins
