"""Port of Node.js lib/buffer.js (its Buffer <-> string parts) and normalizeEncoding of lib/internal/util.js.

A Buffer is ``bytes`` here, so there is no Buffer class: this module has the functions
the rest of the package needs from lib/buffer.js, ``Buffer.from(string, encoding)``
(:func:`buffer_from_string`), ``buf.toString(encoding)`` (:func:`buffer_to_string`),
``Buffer.byteLength`` (:func:`byte_length`), ``Buffer.isEncoding`` (:func:`is_encoding`),
and internal/util's :func:`normalize_encoding`. The conversions themselves are the
binding's (``_binding/string_bytes.py``, as in Node, where they are C++).

DIVERGENCE: lib/buffer.js throws ``ERR_UNKNOWN_ENCODING`` from internal/errors; our
``errors`` sits above ``_internal``, so it installs its class here when it loads (see
:func:`set_unknown_encoding_error`); ``import nodenet_uv`` loads it before anything can
call in here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv._binding.string_bytes import ENCODE, WRITE, byte_length_utf8, normalize_encoding
from nodenet_uv._internal.inspect import utf16_len

__all__ = [
    "buffer_from_string",
    "buffer_to_string",
    "byte_length",
    "is_encoding",
    "normalize_encoding",
    "set_unknown_encoding_error",
]


def _unknown_encoding(encoding: object) -> Exception:
    return TypeError(f"Unknown encoding: {encoding}")


_unknown_encoding_error: Callable[[object], Exception] = _unknown_encoding


def set_unknown_encoding_error(factory: Callable[[object], Exception]) -> None:
    """Called by ``errors`` with ``ERR_UNKNOWN_ENCODING``."""
    global _unknown_encoding_error
    _unknown_encoding_error = factory


def _get_encoding_ops(encoding: object) -> str | None:
    # getEncodingOps: like normalizeEncoding, but '' is no encoding at all.
    # DIVERGENCE: Node first turns a non-string into a string (``encoding += ''``); no
    # Python value stringifies into an encoding name the way ``['hex']`` does in JS.
    if type(encoding) is not str or not encoding:
        return None
    return normalize_encoding(encoding)


_write_utf8 = WRITE["utf8"]


def _js_length(s: str) -> int:
    return len(s) if s.isascii() else utf16_len(s)


def buffer_from_string(string: str, encoding: Any = None) -> bytes:
    """``Buffer.from(string, encoding)`` (fromString); an unknown name throws
    ERR_UNKNOWN_ENCODING, a missing or non-string one means utf8."""
    if not encoding or encoding == "utf8" or type(encoding) is not str:
        return _write_utf8(string)
    enc = _get_encoding_ops(encoding)
    if enc is None:
        raise _unknown_encoding_error(encoding)
    return WRITE[enc](string) if string else b""


def buffer_to_string(buf: Any, encoding: Any = None) -> str:
    """``buf.toString(encoding)``; an unknown name throws ERR_UNKNOWN_ENCODING, unless the
    buffer is empty (Node returns '' before it looks at the encoding)."""
    if encoding is None:
        return str(buf, "utf-8", "replace")
    if not len(buf):
        return ""
    enc = _get_encoding_ops(encoding)
    if enc is None:
        raise _unknown_encoding_error(encoding)
    return ENCODE[enc](buf)


def _base64_byte_length(s: str, n: int) -> int:
    # base64ByteLength: the 3/4 ratio after the padding, whatever the characters are.
    if s[-1] == "=":
        n -= 1
        if n > 1 and s[-2] == "=":
            n -= 1
    return (n * 3) >> 2


def byte_length(string: str | bytes | bytearray | memoryview, encoding: Any = None) -> int:
    """``Buffer.byteLength(string, encoding)``: an estimate for base64 and hex, as in Node;
    an unknown encoding counts as utf8.

    DIVERGENCE: a value that is neither a string nor a buffer raises Python's TypeError
    (from ``memoryview``), not ERR_INVALID_ARG_TYPE.
    """
    if not isinstance(string, str):
        if isinstance(string, (bytes, bytearray)):
            return len(string)
        return memoryview(string).nbytes
    if not string:
        return 0
    if not encoding or encoding == "utf8":
        return byte_length_utf8(string)
    enc = _get_encoding_ops(encoding)
    if enc is None or enc == "utf8":
        return byte_length_utf8(string)
    n = _js_length(string)
    if enc == "utf16le":
        return n * 2
    if enc == "hex":
        return n >> 1
    if enc in ("base64", "base64url"):
        return _base64_byte_length(string, n)
    return n  # latin1, ascii


def is_encoding(encoding: Any) -> bool:
    """``Buffer.isEncoding(encoding)``."""
    return type(encoding) is str and len(encoding) != 0 and normalize_encoding(encoding) is not None
