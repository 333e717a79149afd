"""Port of Node.js src/string_bytes.cc: JS strings to bytes and back, per Node encoding.

``write(s, enc)`` is StringBytes::Write (what ``Buffer.from(str, enc)`` fills the buffer
with), ``encode(buf, enc)`` is StringBytes::Encode (``buf.toString(enc)``); ``WRITE`` and
``ENCODE`` hold the same conversions per canonical encoding name, for callers that
resolved the name once (the StringDecoder). ``normalize_encoding`` is lib/internal/util.js's
``normalizeEncoding``; it lives here, at the bottom, because the binding needs it too (it
stands in for src/api/encoding.cc ``ParseEncoding``, which accepts the same names).

Used by the stream binding (``write*String``, ``writev`` of strings) and, through
``_internal.buffer`` (``Buffer.from``, ``buf.toString``, ``Buffer.byteLength``,
``Buffer.isEncoding``), by everything above it.

DIVERGENCE: JS strings are UTF-16; Python strings hold code points. A lone surrogate is a
lone surrogate in both; a surrogate pair given as two Python characters is treated as
the one character JS would see.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable
from typing import Any, Final

# -- lib/internal/util.js normalizeEncoding -----------------------------------------------

_NORMALIZE: Final = {
    "utf8": "utf8",
    "utf-8": "utf8",
    "ucs2": "utf16le",
    "ucs-2": "utf16le",
    "utf16le": "utf16le",
    "utf-16le": "utf16le",
    "latin1": "latin1",
    "binary": "latin1",
    "base64": "base64",
    "base64url": "base64url",
    "hex": "hex",
    "ascii": "ascii",
}


def normalize_encoding(enc: object) -> str | None:
    """Node's normalizeEncoding: the canonical name, or None for an unknown encoding.

    ``None`` (undefined/null) and ``''`` mean the default, utf8. Names match in any case
    (Node lower-cases after checking the length; no non-ASCII character lower-cases into
    an encoding name, so a plain ``lower()`` gives the same answers).
    """
    if enc is None or enc == "utf8" or enc == "utf-8":
        return "utf8"
    if type(enc) is not str:
        return None
    if enc == "":
        return "utf8"
    return _NORMALIZE.get(enc) or _NORMALIZE.get(enc.lower())


# -- StringBytes::Write -------------------------------------------------------------------


def _low_bytes(s: str) -> bytes:
    # V8's WriteOneByte (and the hex/base64 decoders, which cast each UTF-16 code unit to
    # uint8_t) keep the low byte of every code unit.
    return s.encode("utf-16-le", "surrogatepass")[0::2]


def _utf8(s: str) -> bytes:
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates become U+FFFD, as V8's UTF-8 writer does (pairs are joined).
        return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


def _latin1(s: str) -> bytes:
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return _low_bytes(s)


def _ucs2(s: str) -> bytes:
    return s.encode("utf-16-le", "surrogatepass")


_B64_STRIP: Final = re.compile(rb"[^A-Za-z0-9+/\-_]")
_B64_URL: Final = bytes.maketrans(b"-_", b"+/")


def _base64(s: str) -> bytes:
    # Node's decoder is lenient: any character outside both alphabets (whitespace, ...) is
    # skipped, the standard and the URL-safe alphabet may be mixed, padding is optional,
    # decoding stops at the first '=', and a single leftover character is dropped.
    raw = _latin1(s)
    eq = raw.find(b"=")
    if eq >= 0:
        raw = raw[:eq]
    raw = _B64_STRIP.sub(b"", raw).translate(_B64_URL)
    rem = len(raw) % 4
    if rem == 1:
        raw = raw[:-1]
    elif rem:
        raw += b"=" * (4 - rem)
    return binascii.a2b_base64(raw)


_HEX_PAIRS: Final = re.compile(rb"(?:[0-9a-fA-F]{2})*")


def _hex(s: str) -> bytes:
    # Node decodes hex pairs up to the first invalid pair (an odd last digit is dropped);
    # the regex finds that prefix in C, so a multi-megabyte string stays fast.
    if s.isascii():
        try:
            return binascii.unhexlify(s)  # the common case: all valid, even length
        except binascii.Error:
            pass
    m = _HEX_PAIRS.match(_latin1(s))
    return binascii.unhexlify(m.group()) if m else b""


WRITE: Final[dict[str, Callable[[str], bytes]]] = {
    "utf8": _utf8,
    "utf16le": _ucs2,
    "latin1": _latin1,
    "ascii": _latin1,  # V8 writes one byte per code unit, like latin1
    "hex": _hex,
    "base64": _base64,
    "base64url": _base64,
}


def write(s: str, encoding: object) -> bytes:
    """StringBytes::Write: ``s`` as bytes in ``encoding`` (a raw Node name; unknown: utf8)."""
    if encoding == "utf8":
        return _utf8(s)
    return WRITE[normalize_encoding(encoding) or "utf8"](s)


def byte_length_utf8(s: str) -> int:
    """The buffer binding's ``byteLengthUtf8`` (V8 ``Utf8Length``)."""
    if s.isascii():
        return len(s)
    return len(_utf8(s))


# -- StringBytes::Encode ------------------------------------------------------------------

_ASCII_TABLE: Final = bytes(i & 0x7F for i in range(256))


def _to_utf8(b: Any) -> str:
    return str(b, "utf-8", "replace")


def _to_latin1(b: Any) -> str:
    return str(b, "latin-1")


def _to_ascii(b: Any) -> str:
    # Node clears the high bit of every byte.
    try:
        return str(b, "ascii")
    except UnicodeDecodeError:
        return bytes(b).translate(_ASCII_TABLE).decode("ascii")


def _to_ucs2(b: Any) -> str:
    if len(b) % 2:  # an odd last byte is dropped
        b = memoryview(b)[: len(b) - 1]
    return str(b, "utf-16-le", "surrogatepass")


def _to_hex(b: Any) -> str:
    return str(b.hex())  # bytes, bytearray and memoryview all have .hex()


def _to_base64(b: Any) -> str:
    return binascii.b2a_base64(b, newline=False).decode("ascii")


def _to_base64url(b: Any) -> str:
    return _to_base64(b).rstrip("=").replace("+", "-").replace("/", "_")


ENCODE: Final[dict[str, Callable[[Any], str]]] = {
    "utf8": _to_utf8,
    "utf16le": _to_ucs2,
    "latin1": _to_latin1,
    "ascii": _to_ascii,
    "hex": _to_hex,
    "base64": _to_base64,
    "base64url": _to_base64url,
}


def encode(data: bytes | bytearray | memoryview, encoding: object) -> str:
    """StringBytes::Encode: ``data`` as a string in ``encoding`` (unknown: utf8)."""
    return ENCODE[normalize_encoding(encoding) or "utf8"](data)
