"""Port of Node.js lib/internal/streams/legacy.js: the legacy ``Stream`` base and its pipe."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv.events import EventEmitter

_PIPE_OPTIONS = frozenset(("end",))

__all__ = ["Stream", "prependListener"]


class Stream(EventEmitter):
    """Node's legacy ``Stream`` (``require('stream')`` itself): an EventEmitter with pipe()."""

    def __init__(self, opts: Any = None) -> None:
        # DIVERGENCE: Node's EventEmitter.init keeps an existing _events object; ours
        # always creates one, so keep what a subclass may already have set up (Duplex
        # runs the Readable and Writable initialisers on one object).
        if "_events" not in self.__dict__:
            EventEmitter.__init__(self, opts)

    def pipe(self, dest: Any, options: Any = None, **kwargs: Any) -> Any:
        options = node_options(options, kwargs, _PIPE_OPTIONS, "pipe")
        source: Any = self

        def ondata(chunk: Any) -> None:
            if (
                dest.writable
                and dest.write(chunk) is False
                and callable(getattr(source, "pause", None))
            ):
                source.pause()

        source.on("data", ondata)

        def ondrain() -> None:
            if getattr(source, "readable", False) and callable(getattr(source, "resume", None)):
                source.resume()

        dest.on("drain", ondrain)

        did_on_end = False

        def onend() -> None:
            nonlocal did_on_end
            if did_on_end:
                return
            did_on_end = True
            dest.end()

        def onclose() -> None:
            nonlocal did_on_end
            if did_on_end:
                return
            did_on_end = True
            if callable(getattr(dest, "destroy", None)):
                dest.destroy()

        # If the 'end' option is not supplied, dest.end() will be called when
        # source gets the 'end' or 'close' events.  Only dest.end() once.
        if not getattr(dest, "_isStdio", False) and (
            not options or options.get("end") is not False
        ):
            source.on("end", onend)
            source.on("close", onclose)

        # Don't leave dangling pipes when there are errors. (Node's onerror uses `this`,
        # the emitter it fired on: one closure per emitter here.)
        def make_onerror(emitter: Any) -> Callable[[Any], None]:
            def onerror(er: Any) -> None:
                cleanup()
                # If we removed the last error handler, trigger an unhandled error event.
                # (Node 24: `this.listenerCount?.('error') === 0`: an emitter whose
                # listenerCount was removed never re-emits.)
                count = getattr(emitter, "listenerCount", None)
                if callable(count) and count("error") == 0:
                    emitter.emit("error", er)

            return onerror

        onerror_source = make_onerror(source)
        onerror_dest = make_onerror(dest)
        prependListener(source, "error", onerror_source)
        prependListener(dest, "error", onerror_dest)

        # Remove all the event listeners that were added.
        def cleanup() -> None:
            source.removeListener("data", ondata)
            dest.removeListener("drain", ondrain)

            source.removeListener("end", onend)
            source.removeListener("close", onclose)

            source.removeListener("error", onerror_source)
            dest.removeListener("error", onerror_dest)

            source.removeListener("end", cleanup)
            source.removeListener("close", cleanup)

            dest.removeListener("close", cleanup)

        source.on("end", cleanup)
        source.on("close", cleanup)

        dest.on("close", cleanup)
        dest.emit("pipe", source)

        # Allow for unix-like usage: A.pipe(B).pipe(C)
        return dest


def prependListener(emitter: Any, event: Any, fn: Callable[..., Any]) -> Any:
    # Node falls back to poking emitter._events for emitters without prependListener;
    # every emitter here has it, but keep the fallback of a plain on().
    if callable(getattr(emitter, "prependListener", None)):
        return emitter.prependListener(event, fn)
    return emitter.on(event, fn)


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    prepend_listener = prependListener
# END twins
