"""Port of Node.js lib/internal/streams/duplexpair.js: ``stream.duplexPair([options])``.

Two Duplex streams joined back to back: what one side writes, the other side reads.
A write completes when the other side's reader asks for more (``_read``), so back-pressure
crosses the pair; ``end()`` on one side ends the other side's readable, and that side's
``'end'`` completes the first side's ``_final``; destroying one side destroys the other
(with an error) or ends its readable (without one), as Node 24 does.

    from nodenet_uv.stream import duplexPair

    client, server = duplexPair()
    server.on("data", print)
    client.write(b"hello")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from nodenet_uv import errors
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream.duplex import Duplex
from nodenet_uv.stream.state import DUPLEX_OPTIONS

__all__ = ["duplexPair"]

# Values JS gives a `length` (Buffer, string, TypedArray, Array). Anything else an
# objectMode side may write (a number, a plain object) has none: `chunk.length === 0` is
# false for it and it is pushed.
_HAS_LENGTH = (bytes, bytearray, memoryview, str, list, tuple)


def _assert(value: object) -> None:
    """Node's internal/assert: ERR_INTERNAL_ASSERTION when ``value`` is falsy."""
    if not value:
        raise errors.ERR_INTERNAL_ASSERTION()


class DuplexSide(Duplex):
    """One end of a duplexPair (Node's DuplexSide, not exported by Node either)."""

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        Duplex.__init__(self, options, **kwargs)
        # Node's this[kCallback]: the pending _write callback of the *other* side, called
        # when this side's reader wants more (_read).
        self._kCallback: Callable[..., Any] | None = None
        # Node's #otherSide (a private field: name-mangled here).
        self.__otherSide: DuplexSide | None = None

    # Node's [kInitOtherSide](otherSide)
    def _kInitOtherSide(self, otherSide: DuplexSide) -> None:
        # Ensure this can only be set once, to enforce encapsulation.
        if self.__otherSide is None:
            self.__otherSide = otherSide
        else:
            _assert(self.__otherSide is None)

    def _read(self, n: Any = None) -> None:
        callback = self._kCallback
        if callback:
            self._kCallback = None
            callback()

    def _write(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        other = self.__otherSide
        if other is None:  # Node: assert(this.#otherSide !== null)
            raise errors.ERR_INTERNAL_ASSERTION()
        _assert(other._kCallback is None)
        if isinstance(chunk, _HAS_LENGTH) and len(chunk) == 0:
            # An empty push gives the other side nothing to read, so its _read is not
            # owed to this write: complete the write on the next tick instead.
            next_tick(callback)
        else:
            other.push(chunk)
            other._kCallback = callback

    def _final(self, callback: Callable[..., Any]) -> None:
        # Set by duplexPair() before anything can be written (Node does not check either).
        other = cast("DuplexSide", self.__otherSide)
        # This side's writable finishes once the other side has read everything.
        other.on("end", callback)
        other.push(None)

    def _destroy(self, err: BaseException | None, callback: Callable[..., Any]) -> None:
        # Node 24: destroying one side closes the other one too.
        otherSide = self.__otherSide

        if otherSide is not None and not otherSide.destroyed:
            # Use nextTick to avoid crashing the current execution stack (like HTTP parser)
            def closeOtherSide() -> None:
                if otherSide.destroyed:
                    return

                if err:
                    # Destroy the other side, without passing the 'err' object.
                    # This closes the other side gracefully so it doesn't hang,
                    # but prevents the "Unhandled error" crash.
                    otherSide.destroy()
                else:
                    # Standard graceful close
                    otherSide.push(None)

            next_tick(closeOtherSide)

        callback(err)


def duplexPair(options: Any = None, **kwargs: Any) -> list[DuplexSide]:
    """Node's stream.duplexPair([options]): ``[side0, side1]``, both built with
    ``options`` (Duplex's options; keyword arguments work too)."""
    options = node_options(options, kwargs, DUPLEX_OPTIONS, "duplexPair")
    side0 = DuplexSide(options)
    side1 = DuplexSide(options)
    side0._kInitOtherSide(side1)
    side1._kInitOtherSide(side0)
    return [side0, side1]


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    duplex_pair = duplexPair
# END twins
