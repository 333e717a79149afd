"""Port of Node.js lib/internal/streams/add-abort-signal.js: destroy a stream on abort."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nodenet_uv import errors
from nodenet_uv._internal.naming import alias_module
from nodenet_uv.abort_controller import addAbortListener
from nodenet_uv.stream.utils import isNodeStream, isWebStream, kControllerErrorFunction

__all__ = ["addAbortSignal", "addAbortSignalNoValidate"]


# This method is inlined here for readable-stream
# It also does not allow for signal to not exist on the stream
# https://github.com/nodejs/node/pull/36061#discussion_r533718029
def validateAbortSignal(signal: Any, name: str) -> None:
    if (
        signal is None
        or isinstance(signal, (bool, int, float, str))
        or not hasattr(signal, "aborted")
    ):
        raise errors.ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal)


def addAbortSignal(signal: Any, stream: Any = None) -> Any:
    # A missing stream is JS undefined: the signal is validated first, then the stream.
    """stream.addAbortSignal(signal, stream): destroy ``stream`` with an AbortError on abort."""
    validateAbortSignal(signal, "signal")
    if not isNodeStream(stream) and not isWebStream(stream):
        raise errors.ERR_INVALID_ARG_TYPE(
            "stream", ["ReadableStream", "WritableStream", "Stream"], stream
        )
    return addAbortSignalNoValidate(signal, stream)


def addAbortSignalNoValidate(signal: Any, stream: Any) -> Any:
    if signal is None or not hasattr(signal, "aborted"):
        return stream

    if isNodeStream(stream):
        # Only `aborted` was validated: a signal-like object may have no `reason` (JS
        # reads undefined).

        def on_abort(*_: Any) -> None:
            stream.destroy(errors.AbortError(None, cause=getattr(signal, "reason", None)))

    else:

        def on_abort(*_: Any) -> None:
            getattr(stream, kControllerErrorFunction)(
                errors.AbortError(None, cause=getattr(signal, "reason", None))
            )

    if signal.aborted:
        on_abort()
    else:
        from nodenet_uv.stream.end_of_stream import eos

        disposable = addAbortListener(signal, on_abort)
        eos(stream, lambda *_: disposable.dispose())
    return stream


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    add_abort_signal = addAbortSignal
    add_abort_signal_no_validate = addAbortSignalNoValidate
# END twins
