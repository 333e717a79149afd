"""Port of Node.js lib/stream/consumers.js: read a whole stream into one value.

``arrayBuffer``, ``buffer``, ``text`` and ``json`` take a Readable (or any async or sync
iterable) and return a Promise: of the bytes (``arrayBuffer`` and ``buffer``: an
ArrayBuffer and a Buffer are both ``bytes`` here), of the UTF-8 text, of the parsed JSON.

DIVERGENCE: ``blob()`` is left out (Python has no Blob); ``arrayBuffer`` joins the chunks
as ``new Blob(chunks)`` would: strings as UTF-8, bytes-likes as they are, anything else
(which a Blob would stringify) refused with ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import codecs
import json as _json
from collections.abc import Callable, Coroutine
from functools import wraps
from typing import TYPE_CHECKING, Any

from nodenet_uv import errors
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.promise import Promise, spawn

# `for await` over a stream with Node's microtask order (see operators._iterator).
from nodenet_uv.stream.operators import _iterator

__all__ = ["arrayBuffer", "buffer", "json", "text"]


def _async_function(fn: Callable[..., Coroutine[Any, Any, Any]]) -> Callable[..., Promise]:
    """A JS async function: calling it runs the coroutine and returns its Promise."""

    @wraps(fn)
    def call(*args: Any) -> Promise:
        return spawn(fn(*args))

    return call


def _blob_part(chunk: Any) -> bytes:
    if isinstance(chunk, str):
        return chunk.encode("utf-8")
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    raise errors.ERR_INVALID_ARG_TYPE(
        "chunk", ["string", "ArrayBuffer", "ArrayBufferView", "Blob"], chunk
    )


class _TextDecoder:
    """The part of WHATWG TextDecoder ('utf-8', not fatal, BOM stripped) text() uses."""

    __slots__ = ("_decoder",)

    def __init__(self) -> None:
        # utf-8-sig drops a leading BOM (ignoreBOM: false); 'replace' gives U+FFFD for
        # each maximal invalid subpart, as the Encoding Standard does.
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")

    def decode(self, input: Any = None, stream: bool = False) -> str:
        data: bytes | bytearray | memoryview
        if input is None:
            data = b""
        elif isinstance(input, (bytes, bytearray, memoryview)):
            data = input
        else:
            raise errors.ERR_INVALID_ARG_TYPE("input", ["ArrayBuffer", "ArrayBufferView"], input)
        return str(self._decoder.decode(data, final=not stream))


@_async_function
async def arrayBuffer(stream: Any) -> bytes:
    """A Promise of every chunk's bytes, joined (Node: an ArrayBuffer, via a Blob)."""
    chunks = []
    async for chunk in _iterator(stream):
        chunks.append(chunk)
    return b"".join([_blob_part(chunk) for chunk in chunks])


@_async_function
async def buffer(stream: Any) -> bytes:
    """A Promise of every chunk's bytes, joined (Node: a Buffer)."""
    data: bytes = await arrayBuffer(stream)
    return data


@_async_function
async def text(stream: Any) -> str:
    """A Promise of the stream's text (bytes decoded as UTF-8, strings as they are)."""
    dec = _TextDecoder()
    parts: list[str] = []
    it = _iterator(stream)
    async for chunk in it:
        if isinstance(chunk, str):
            parts.append(chunk)
        else:
            try:
                parts.append(dec.decode(chunk, stream=True))
            except BaseException:
                # for await: a throw in the body calls iterator.return().
                aclose = getattr(it, "aclose", None)
                if aclose is not None:
                    await aclose()
                raise
    # Flush the streaming TextDecoder so that any pending
    # incomplete multibyte characters are handled.
    parts.append(dec.decode(None, stream=False))
    return "".join(parts)


@_async_function
async def json(stream: Any) -> Any:
    """A Promise of the stream's text parsed as JSON."""
    s: str = await text(stream)
    return _json.loads(s)


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    array_buffer = arrayBuffer
# END twins
