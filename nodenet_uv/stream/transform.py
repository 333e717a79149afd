"""Port of Node.js lib/internal/streams/transform.js: a Duplex whose output is computed
from its input by ``_transform(chunk, encoding, callback)`` (and ``_flush(callback)``).

``callback(err, data)``: ``data`` not None is pushed; the write completes when the
readable side has room (Node's kCallback hand-off between _write and _read).
"""

from __future__ import annotations

from collections.abc import Callable
from types import CoroutineType
from typing import Any

from nodenet_uv import errors
from nodenet_uv._internal.arity import limited
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv._internal.promise import spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream.duplex import Duplex
from nodenet_uv.stream.state import TRANSFORM_OPTIONS, getHighWaterMark

__all__ = ["Transform"]


class _NotObjectMode:
    # Node passes the Transform itself as `state`; its objectMode is undefined.
    objectMode = False


_NOT_OBJECT_MODE = _NotObjectMode()


class Transform(Duplex):
    """Node's stream.Transform. Options: transform(chunk, encoding, cb), flush(cb), and
    everything Duplex takes."""

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, TRANSFORM_OPTIONS, "Transform")
        # TODO (ronag): This should preferably always be
        # applied but would be semver-major. Or even better;
        # make Transform a Readable with the Writable interface.
        readable_hwm = (
            getHighWaterMark(_NOT_OBJECT_MODE, options, "readableHighWaterMark", True)
            if isinstance(options, dict)
            else None
        )
        if readable_hwm == 0:
            # A Duplex will buffer both on the writable and readable side while
            # a Transform just wants to buffer hwm number of elements. To avoid
            # buffering twice we disable buffering on the writable side.
            options = {
                **options,
                "highWaterMark": None,
                "readableHighWaterMark": readable_hwm,
                "writableHighWaterMark": options.get("writableHighWaterMark") or 0,
            }

        Duplex.__init__(self, options)

        # We have implemented the _read method, and done the other things
        # that Readable wants before the first _read call, so unset the
        # sync guard flag.
        self._readableState.sync = False

        self._kCallback: Callable[..., Any] | None = None

        if options:
            fn = options.get("transform")
            if callable(fn):
                self._transform = limited(fn, 3)  # type: ignore[method-assign]

            fn = options.get("flush")
            if callable(fn):
                self._flush = limited(fn, 1)

        # When the writable side finishes, then flush out anything remaining.
        # Backwards compat. Some Transform streams incorrectly implement _final
        # instead of or in addition to _flush. By using 'prefinish' instead of
        # implementing _final we continue supporting this unfortunate use case.
        self.on("prefinish", self._on_prefinish)

    _flush: Callable[..., Any] | None = None

    def _final(self, cb: Callable[..., Any] | None = None) -> None:
        final(self, cb)

    def _on_prefinish(self) -> None:
        if getattr(self._final, "__func__", None) is not Transform._final:
            final(self, None)

    def _transform(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> Any:
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_transform()")

    def _write(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        r_state = self._readableState
        w_state = self._writableState
        length = r_state.length

        def on_transformed(err: Any = None, val: Any = None, *_: Any) -> None:
            if err:
                callback(err)
                return

            if val is not None:
                self.push(val)

            if r_state.ended:
                # If user has called this.push(null) we have to
                # delay the callback to properly propagate the new
                # state.
                next_tick(callback)
            elif (
                w_state.ended  # Backwards compat.
                or length == r_state.length  # Backwards compat.
                or r_state.length < r_state.highWaterMark
            ):
                callback()
            else:
                self._kCallback = callback

        r = self._transform(chunk, encoding, on_transformed)
        if r is not None and type(r) is CoroutineType:
            spawn(r)  # an `async def _transform` runs like a JS async function

    def _read(self, n: Any = None) -> None:
        if self._kCallback:
            callback = self._kCallback
            self._kCallback = None
            callback()


def final(self: Transform, cb: Callable[..., Any] | None) -> None:
    flush = self._flush
    if callable(flush) and not self.destroyed:

        def on_flush(er: Any = None, data: Any = None, *_: Any) -> None:
            if er:
                if cb:
                    cb(er)
                else:
                    self.destroy(er)
                return

            if data is not None:
                self.push(data)
            self.push(None)
            if cb:
                cb()

        r = flush(on_flush)
        if r is not None and type(r) is CoroutineType:
            spawn(r)
    else:
        self.push(None)
        if cb:
            cb()


__all__ += alias_module(globals(), __all__)
