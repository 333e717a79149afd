"""Port of Node.js src/string_bytes.cc: JS strings to bytes and back, per Node encoding.

Used by the stream binding (``write*String``, ``writev`` of strings) and, through
``_internal.buffer``, by everything that needs ``Buffer.from(str, enc)``,
``buf.toString(enc)`` or ``Buffer.byteLength``.
"""

from __future__ import annotations

import base64
import binascii
import re

_NORMALIZE = {
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

    ``None``/``''`` mean the default, utf8.
    """
    if enc is None or enc == "":
        return "utf8"
    if not isinstance(enc, str):
        return None
    return _NORMALIZE.get(enc) or _NORMALIZE.get(enc.lower())


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
        units = s.encode("utf-16-le", "surrogatepass")
        return units[0::2]  # the low byte of each UTF-16 code unit


_B64_STRIP = re.compile(r"[^A-Za-z0-9+/\-_]")


def _base64_decode(s: str) -> bytes:
    # Node's decoder is lenient: whitespace and invalid characters are skipped, both the
    # standard and the URL-safe alphabet are accepted, padding is optional, and decoding
    # stops at the first '='.
    s = s.split("=", 1)[0]
    s = _B64_STRIP.sub("", s).replace("-", "+").replace("_", "/")
    rem = len(s) % 4
    if rem == 1:
        s = s[:-1]
        rem = 0
    if rem:
        s += "=" * (4 - rem)
    try:
        return base64.b64decode(s)
    except binascii.Error:  # pragma: no cover - the input was cleaned above
        return b""


_HEX_PAIRS = re.compile(r"(?:[0-9a-fA-F]{2})*")


def _hex_decode(s: str) -> bytes:
    # Node decodes hex pairs up to the first invalid pair (an odd last digit is dropped);
    # the regex finds that prefix in C, so a multi-megabyte string stays fast.
    if s.isascii():
        try:
            return binascii.unhexlify(s)  # the common case: all valid, even length
        except binascii.Error:
            pass
    m = _HEX_PAIRS.match(s)
    return bytes.fromhex(m.group()) if m else b""


def write(s: str, encoding: str | None) -> bytes:
    """Buffer.from(s, encoding) for a canonical or raw Node encoding name."""
    enc = normalize_encoding(encoding) or "utf8"
    if enc == "utf8":
        return _utf8(s)
    if enc in ("latin1", "ascii"):
        return _latin1(s)
    if enc == "utf16le":
        return s.encode("utf-16-le", "surrogatepass")
    if enc in ("base64", "base64url"):
        return _base64_decode(s)
    if enc == "hex":
        return _hex_decode(s)
    return _utf8(s)  # pragma: no cover


def size(s: str, encoding: str | None) -> int:
    """Buffer.byteLength(s, encoding)."""
    enc = normalize_encoding(encoding) or "utf8"
    if enc in ("latin1", "ascii"):
        return len(s.encode("utf-16-le", "surrogatepass")) // 2
    if enc == "utf16le":
        return len(s.encode("utf-16-le", "surrogatepass"))
    if enc == "hex":
        return len(s) // 2
    return len(write(s, enc))


def encode(data: bytes | bytearray | memoryview, encoding: str | None) -> str:
    """buf.toString(encoding)."""
    enc = normalize_encoding(encoding) or "utf8"
    b = bytes(data)
    if enc == "utf8":
        return b.decode("utf-8", "replace")
    if enc == "latin1":
        return b.decode("latin-1")
    if enc == "ascii":
        return bytes(x & 0x7F for x in b).decode("ascii")
    if enc == "utf16le":
        if len(b) % 2:
            b = b[:-1]
        return b.decode("utf-16-le", "surrogatepass")
    if enc == "base64":
        return base64.b64encode(b).decode("ascii")
    if enc == "base64url":
        return base64.urlsafe_b64encode(b).decode("ascii").rstrip("=")
    if enc == "hex":
        return b.hex()
    return b.decode("utf-8", "replace")  # pragma: no cover
