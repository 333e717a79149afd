"""Port of Node.js lib/stream/promises.js: pipeline and finished returning a Promise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.promise import Promise
from nodenet_uv.stream.end_of_stream import finished
from nodenet_uv.stream.pipeline import pipelineImpl

__all__ = ["finished", "pipeline"]


def pipeline(*streams: Any) -> Promise:
    """stream/promises pipeline(...streams[, options]): a Promise of the pipeline's value."""
    lst = list(streams)

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        signal = None
        end = None
        last_arg = lst[-1] if lst else None
        # DIVERGENCE: Node tests "a plain object that is no stream or iterable"; a dict is
        # iterable in Python, so the options are a trailing dict.
        if isinstance(last_arg, dict):
            options = lst.pop()
            signal = options.get("signal")
            end = options.get("end")

        def done(err: Any = None, value: Any = None) -> None:
            if err:
                reject(err)
            else:
                resolve(value)

        pipelineImpl(lst, done, {"signal": signal, "end": end})

    return Promise(executor)


__all__ += alias_module(globals(), __all__)
