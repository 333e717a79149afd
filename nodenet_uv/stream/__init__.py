"""Port of Node.js lib/stream.js: re-exports only.

``Stream`` (the legacy base), ``Readable``, ``Writable``, ``Duplex``, ``Transform``,
``PassThrough``, ``duplexPair``, ``finished``, ``pipeline``, ``compose``, ``addAbortSignal``,
``destroy``, and the ``promises`` submodule (``finished``/``pipeline`` returning a
Promise). Node's ``stream/consumers`` is the ``consumers`` submodule. Readable has Node's
operators (``map``, ``filter``, ``toArray``, ``reduce``, ... from operators.py).

The streams work on their own, with Node's semantics and no socket involved::

    from nodenet_uv import run
    from nodenet_uv.stream import Readable, Transform, Writable, pipeline

    class Upper(Transform):
        def _transform(self, chunk, encoding, callback):
            callback(None, chunk.upper())

    out = []
    sink = Writable(write=lambda chunk, encoding, callback: (out.append(chunk), callback()))
    pipeline(Readable.from_([b"hello ", b"streams"]), Upper(), sink, lambda err=None: print("done", err))
    run()
    assert out == [b"HELLO ", b"STREAMS"]

(``Readable.from`` is spelled ``Readable.from_`` because ``from`` is a Python keyword.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nodenet_uv._internal.naming import alias_module
from nodenet_uv.stream import (
    destroy,  # callable: destroy(stream, err) is destroyer()
    promises,
)
from nodenet_uv.stream.add_abort_signal import addAbortSignal
from nodenet_uv.stream.compose import compose
from nodenet_uv.stream.duplex import Duplex
from nodenet_uv.stream.duplexpair import duplexPair
from nodenet_uv.stream.end_of_stream import eos as finished
from nodenet_uv.stream.legacy import Stream
from nodenet_uv.stream.passthrough import PassThrough
from nodenet_uv.stream.pipeline import pipeline
from nodenet_uv.stream.readable import Readable
from nodenet_uv.stream.state import getDefaultHighWaterMark, setDefaultHighWaterMark
from nodenet_uv.stream.transform import Transform
from nodenet_uv.stream.utils import isDestroyed, isDisturbed, isErrored, isReadable, isWritable
from nodenet_uv.stream.writable import Writable

__all__ = [
    "Duplex",
    "PassThrough",
    "Readable",
    "Stream",
    "Transform",
    "Writable",
    "addAbortSignal",
    "compose",
    "destroy",
    "duplexPair",
    "finished",
    "getDefaultHighWaterMark",
    "isDestroyed",
    "isDisturbed",
    "isErrored",
    "isReadable",
    "isWritable",
    "pipeline",
    "promises",
    "setDefaultHighWaterMark",
]

__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    add_abort_signal = addAbortSignal
    duplex_pair = duplexPair
    get_default_high_water_mark = getDefaultHighWaterMark
    is_destroyed = isDestroyed
    is_disturbed = isDisturbed
    is_errored = isErrored
    is_readable = isReadable
    is_writable = isWritable
    set_default_high_water_mark = setDefaultHighWaterMark
# END twins
