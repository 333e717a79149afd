"""Port of Node.js lib/internal/streams/duplex.js: Duplex = Readable + Writable's methods.

As in Node, Duplex inherits from Readable only; Writable's prototype methods are copied
onto it (those Readable does not already have), and the writable* getters are defined
again from Writable's descriptors. ``isinstance(duplex, Writable)`` is true through
Writable's ``Symbol.hasInstance`` twin (a metaclass ``__instancecheck__``).
"""

from __future__ import annotations

from typing import Any

from nodenet_uv._internal.arity import limited
from nodenet_uv._internal.inspect import js_truthy
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv.stream import destroy as destroyImpl
from nodenet_uv.stream.add_abort_signal import addAbortSignal
from nodenet_uv.stream.legacy import Stream
from nodenet_uv.stream.readable import Readable, ReadableState
from nodenet_uv.stream.state import DUPLEX_OPTIONS
from nodenet_uv.stream.utils import kOnConstructed
from nodenet_uv.stream.writable import Writable, WritableState

# ACCELERATED(_speedups.node_options): naming.node_options's no-keyword case; else naming's.
try:
    from nodenet_uv._speedups import node_options
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass

__all__ = ["Duplex"]

# The options that install implementation functions or an abort signal.
_IMPL_KEYS = frozenset(("read", "write", "writev", "destroy", "final", "construct", "signal"))


class Duplex(Readable):
    """Node's stream.Duplex.

    Options: everything Readable and Writable take, plus allowHalfOpen (default True),
    readable/writable (False disables a side), readableObjectMode/writableObjectMode,
    readableHighWaterMark/writableHighWaterMark.
    """

    allowHalfOpen: bool

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, DUPLEX_OPTIONS, "Duplex")
        # DIVERGENCE: the EventEmitter part is set up first (Node sets it up after the
        # states): our addAbortSignal needs the listener storage.
        Stream.__init__(self, options)
        self._readableState = ReadableState(options, self, True)
        self._writableState = WritableState(options, self, True)

        if options:
            self.allowHalfOpen = options.get("allowHalfOpen") is not False

            if options.get("readable") is False:
                rs = self._readableState
                rs.readable = False
                rs.ended = True
                rs.endEmitted = True

            if options.get("writable") is False:
                ws = self._writableState
                ws.writable = False
                ws.ending = True
                ws.ended = True
                ws.finished = True

            # Each of these does something only when its key is there (a missing key
            # reads as undefined): one isdisjoint() call skips them all for a socket.
            if type(options) is not dict or not _IMPL_KEYS.isdisjoint(options):
                fn = options.get("read")
                if callable(fn):
                    self._read = limited(fn, 1)  # type: ignore[method-assign]

                fn = options.get("write")
                if callable(fn):
                    self._write = limited(fn, 3)

                fn = options.get("writev")
                if callable(fn):
                    self._writev = limited(fn, 2)

                fn = options.get("destroy")
                if callable(fn):
                    self._destroy = limited(fn, 2)  # type: ignore[method-assign]

                fn = options.get("final")
                if callable(fn):
                    self._final = limited(fn, 1)

                fn = options.get("construct")
                if callable(fn):
                    self._construct = limited(fn, 1)

                if js_truthy(options.get("signal")):  # JS truthiness: {} is checked
                    addAbortSignal(options["signal"], self)
        else:
            self.allowHalfOpen = True

        if self._construct is not None:

            def on_constructed() -> None:
                getattr(self._readableState, kOnConstructed)(self)
                getattr(self._writableState, kOnConstructed)(self)

            destroyImpl.construct(self, on_constructed)

    @property
    def destroyed(self) -> bool:
        r = self.__dict__.get("_readableState")
        w = self.__dict__.get("_writableState")
        if r is None or w is None:
            return False
        return bool(r.destroyed and w.destroyed)

    @destroyed.setter
    def destroyed(self, value: Any) -> None:
        # Backward compatibility, the user is explicitly
        # managing destroyed.
        r = self.__dict__.get("_readableState")
        w = self.__dict__.get("_writableState")
        if r is not None and w is not None:
            r.destroyed = value
            w.destroyed = value

    @staticmethod
    def from_(body: Any) -> Duplex:
        """Duplex.from(body): a Duplex over a stream, an iterable, an (async generator)
        function, a ``{'readable', 'writable'}`` pair or a Promise (duplexify.js)."""
        # duplexify.js requires duplex.js: imported when first used.
        from nodenet_uv.stream.duplexify import duplexify

        d: Duplex = duplexify(body, "body")
        return d


def _mix_in_writable() -> None:
    """Node: for (const method of ObjectKeys(Writable.prototype)) if (!Duplex.prototype[method]) ..."""
    for name, value in Writable.__dict__.items():
        if name.startswith("__") or name in ("_snake_to_camel", "WritableState"):
            continue
        if isinstance(value, property):
            continue  # getters are not enumerable in Node; the ones Duplex has are below
        if not getattr(Duplex, name, None):
            setattr(Duplex, name, value)
    Duplex.destroy = Writable.destroy  # type: ignore[assignment]
    for name in (
        "writable",
        "writableHighWaterMark",
        "writableObjectMode",
        "writableBuffer",
        "writableLength",
        "writableFinished",
        "writableCorked",
        "writableEnded",
        "writableNeedDrain",
    ):
        prop = Writable.__dict__[name]
        setattr(Duplex, name, prop)
    # The snake_case twins of what was copied: subclasses then keep both spellings in
    # step (NodeNames), as for Duplex's own members.
    mapping = dict(Duplex._snake_to_camel)
    for snake_name, camel_name in Writable._snake_to_camel.items():
        if camel_name in mapping.values() or not hasattr(Duplex, camel_name):
            continue
        mapping[snake_name] = camel_name
        setattr(Duplex, snake_name, getattr(Duplex, camel_name))
    Duplex._snake_to_camel = mapping


_mix_in_writable()
# `from` is a Python keyword: Duplex.from_ is the spelling, getattr(Duplex, "from") works
# too (without this it would find Readable.from).
setattr(Duplex, "from", Duplex.__dict__["from_"])

__all__ += alias_module(globals(), __all__)
