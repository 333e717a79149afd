"""Port of Node.js lib/string_decoder.js (and its native half, src/string_decoder.cc).

``StringDecoder`` turns a series of byte chunks into strings without splitting multi-byte
characters: an incomplete character at the end of a chunk is kept (at most 4 bytes) and
finished with the next chunk, exactly as Node's C++ decoder does (including how invalid
UTF-8 is cut into replacement characters).

This module also holds the Buffer <-> string conversions Node's streams use
(``normalizeEncoding`` from lib/internal/util.js, ``Buffer.isEncoding``,
``Buffer.from(string, encoding)`` and ``buf.toString(encoding)``), since a Buffer is
``bytes`` here and there is no Buffer module to put them in.

DIVERGENCE: JS strings are UTF-16; Python strings hold code points. A surrogate pair that
JS would keep as two code units is one character here (its length is 1, not 2); a lone
surrogate stays a lone surrogate in both.
"""

from __future__ import annotations

import base64 as _base64
import binascii
import re
from typing import Any

from nodenet_uv import errors
from nodenet_uv._internal.naming import alias_module

__all__ = ["StringDecoder", "isEncoding", "normalizeEncoding"]

# -- lib/internal/util.js normalizeEncoding ------------------------------------------------


def normalize_encoding_internal(enc: Any) -> str | None:
    """internal/util normalizeEncoding: Node's canonical name, or None if unknown."""
    if enc is None or enc == "utf8" or enc == "utf-8":
        return "utf8"
    if type(enc) is not str:
        return None
    return _slow_cases(enc)


def _slow_cases(enc: str) -> str | None:
    n = len(enc)
    low = enc.lower()
    if n == 4:
        if low == "utf8":
            return "utf8"
        if low == "ucs2":
            return "utf16le"
    elif n == 3:
        if low == "hex":
            return "hex"
    elif n == 5:
        if low == "utf-8":
            return "utf8"
        if low == "ascii":
            return "ascii"
        if low == "ucs-2":
            return "utf16le"
    elif n == 6:
        if low == "base64":
            return "base64"
        if low in ("latin1", "binary"):
            return "latin1"
    elif n == 7:
        if low == "utf16le":
            return "utf16le"
    elif n == 8:
        if low == "utf-16le":
            return "utf16le"
    elif n == 9:
        if low == "base64url":
            return "base64url"
    elif enc == "":
        return "utf8"
    return None


def isEncoding(encoding: Any) -> bool:
    """Buffer.isEncoding."""
    return (
        type(encoding) is str
        and len(encoding) != 0
        and normalize_encoding_internal(encoding) is not None
    )


def normalizeEncoding(enc: Any) -> str:
    """string_decoder's normalizeEncoding: throws ERR_UNKNOWN_ENCODING for unknown names."""
    nenc = normalize_encoding_internal(enc)
    if nenc is None:
        raise errors.ERR_UNKNOWN_ENCODING(enc)
    return nenc


# -- Buffer.from(string, encoding) / buf.toString(encoding) --------------------------------

_HEX_PAIR = re.compile(rb"(?:[0-9a-fA-F]{2})*")
_B64_STRIP = re.compile(r"[^A-Za-z0-9+/\-_]")
_B64_URL = str.maketrans("-_", "+/")
_ASCII_TABLE = bytes(i & 0x7F for i in range(256))


def _utf8(s: str) -> bytes:
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates become U+FFFD; pairs (JS keeps them as two units) combine.
        fixed = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return fixed.encode("utf-8")


def _latin1(s: str) -> bytes:
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        # JS keeps the low byte of each UTF-16 code unit.
        return s.encode("utf-16-le", "surrogatepass")[::2]


def _hex_bytes(s: str) -> bytes:
    try:
        raw = s.encode("ascii")
    except UnicodeEncodeError:
        raw = s.encode("utf-8", "surrogatepass")
    # Node stops at the first pair that is not two hex digits.
    m = _HEX_PAIR.match(raw)
    return bytes.fromhex(m.group(0).decode("ascii")) if m else b""


def _base64_bytes(s: str) -> bytes:
    # Node's decoder takes both alphabets, skips any other character and stops at '='.
    eq = s.find("=")
    if eq >= 0:
        s = s[:eq]
    s = _B64_STRIP.sub("", s).translate(_B64_URL)
    rem = len(s) % 4
    if rem == 1:
        s = s[:-1]
        rem = 0
    if rem:
        s += "=" * (4 - rem)
    try:
        return binascii.a2b_base64(s)
    except binascii.Error:
        return b""


_ENCODERS = {
    "utf8": _utf8,
    "utf16le": lambda s: s.encode("utf-16-le", "surrogatepass"),
    "latin1": _latin1,
    "ascii": _latin1,
    "hex": _hex_bytes,
    "base64": _base64_bytes,
    "base64url": _base64_bytes,
}


def buffer_from_string(string: str, encoding: Any = None) -> bytes:
    """Buffer.from(string, encoding): throws ERR_UNKNOWN_ENCODING for an unknown one."""
    if type(encoding) is not str or len(encoding) == 0:
        return _utf8(string)
    if encoding == "utf8" or encoding == "utf-8":
        return _utf8(string)
    nenc = _slow_cases(encoding)
    if nenc is None:
        raise errors.ERR_UNKNOWN_ENCODING(encoding)
    return _ENCODERS[nenc](string)


def _ascii(b: Any) -> str:
    try:
        return str(b, "ascii")
    except UnicodeDecodeError:
        return bytes(b).translate(_ASCII_TABLE).decode("ascii")


def _ucs2(b: Any) -> str:
    n = len(b) & ~1
    return bytes(b[:n]).decode("utf-16-le", "surrogatepass")


_DECODERS = {
    "utf8": lambda b: str(b, "utf-8", "replace"),
    "utf16le": _ucs2,
    "latin1": lambda b: str(b, "latin-1"),
    "ascii": _ascii,
    "hex": lambda b: b.hex(),
    "base64": lambda b: _base64.b64encode(b).decode("ascii"),
    "base64url": lambda b: _base64.urlsafe_b64encode(b).decode("ascii").rstrip("="),
}


def buffer_to_string(buf: Any, encoding: Any = "utf8") -> str:
    """buf.toString(encoding)."""
    nenc = normalize_encoding_internal(encoding)
    if nenc is None:
        raise errors.ERR_UNKNOWN_ENCODING(encoding)
    return _DECODERS[nenc](buf)


# -- StringDecoder -------------------------------------------------------------------------

# src/string_decoder.h enum order is irrelevant here; these are the branches of DecodeData.
_UTF8 = 0
_UCS2 = 1
_BASE64 = 2
_OTHER = 3  # ascii, hex, latin1: no state, decode each chunk as is
_KIND = {
    "utf8": _UTF8,
    "utf16le": _UCS2,
    "base64": _BASE64,
    "base64url": _BASE64,
}
_BYTES_LIKE = (bytes, bytearray, memoryview)


class StringDecoder:
    """Node's ``StringDecoder(encoding='utf8')``: ``write(buf)``, ``end([buf])``, ``text``."""

    __slots__ = ("_buffered", "_decode", "_incomplete", "_kind", "_missing", "encoding")

    def __init__(self, encoding: Any = None) -> None:
        self.encoding: str = normalizeEncoding(encoding)
        self._kind = _KIND.get(self.encoding, _OTHER)
        self._decode = _DECODERS[self.encoding]
        # kIncompleteCharactersStart..End: at most 4 bytes of an unfinished character.
        self._incomplete = bytearray(4)
        self._missing = 0
        self._buffered = 0

    def write(self, buf: Any) -> str:
        """Decode ``buf``, keeping an incomplete trailing character for the next call."""
        if type(buf) is str:
            return buf
        if not isinstance(buf, _BYTES_LIKE):
            raise errors.ERR_INVALID_ARG_TYPE("buf", ["Buffer", "TypedArray", "DataView"], buf)
        kind = self._kind
        if kind == _OTHER:
            return self._decode(buf)
        nread = len(buf)
        if kind == _UTF8 and self._missing == 0:
            # Fast path (a socket's chunks): ends on ASCII, nothing pending.
            if nread == 0:
                return ""
            if buf[nread - 1] < 0x80:
                return str(buf, "utf-8", "replace")
        return self._decode_data(buf, nread)

    def _decode_data(self, data: Any, nread: int) -> str:
        # src/string_decoder.cc StringDecoder::DecodeData.
        kind = self._kind
        inc = self._incomplete
        start = 0
        prepend: str | None = None
        body: str
        if self._missing > 0:
            if kind == _UTF8:
                # If an incomplete character is followed by a byte that is not a
                # continuation byte, the incomplete one ends there (V8 replaces it).
                i = 0
                while i < nread and i < self._missing:
                    if (data[i] & 0xC0) != 0x80:
                        self._missing = 0
                        inc[self._buffered : self._buffered + i] = data[:i]
                        self._buffered += i
                        start += i
                        nread -= i
                        break
                    i += 1
            found = min(nread, self._missing)
            b = self._buffered
            inc[b : b + found] = data[start : start + found]
            start += found
            nread -= found
            self._missing -= found
            self._buffered += found
            if self._missing == 0:
                prepend = self._decode(bytes(inc[: self._buffered]))
                self._buffered = 0

        if nread == 0:
            body = prepend if prepend is not None else ""
            prepend = None
        else:
            end = start + nread
            if kind == _UTF8 and data[end - 1] & 0x80:
                # Find where the last (possibly incomplete) character begins.
                i = end - 1
                while True:
                    self._buffered += 1
                    c = data[i]
                    if (c & 0xC0) == 0x80:
                        if self._buffered >= 4 or i == start:
                            self._buffered = 0
                            break
                    else:
                        if (c & 0xE0) == 0xC0:
                            self._missing = 2
                        elif (c & 0xF0) == 0xE0:
                            self._missing = 3
                        elif (c & 0xF8) == 0xF0:
                            self._missing = 4
                        else:
                            self._buffered = 0
                            break
                        if self._buffered >= self._missing:
                            self._missing = 0
                            self._buffered = 0
                        self._missing -= self._buffered
                        break
                    i -= 1
            elif kind == _UCS2:
                if nread % 2 == 1:
                    self._buffered = 1
                    self._missing = 1
                elif (data[end - 1] & 0xFC) == 0xD8:
                    self._buffered = 2
                    self._missing = 2
            elif kind == _BASE64:
                self._buffered = nread % 3
                if self._buffered > 0:
                    self._missing = 3 - self._buffered

            buffered = self._buffered
            if buffered > 0:
                nread -= buffered
                inc[0:buffered] = data[start + nread : start + nread + buffered]
            if nread > 0:
                if start == 0 and nread == len(data):
                    body = self._decode(data)
                else:
                    body = self._decode(bytes(data[start : start + nread]))
            else:
                body = ""
        return body if prepend is None else prepend + body

    def _flush(self) -> str:
        # src/string_decoder.cc StringDecoder::FlushData.
        if self._kind == _UCS2 and self._buffered % 2 == 1:
            # Ignore a single trailing byte, like the JS decoder does.
            self._missing -= 1
            self._buffered -= 1
        if self._buffered == 0:
            return ""
        ret: str = self._decode(bytes(self._incomplete[: self._buffered]))
        self._missing = 0
        self._buffered = 0
        return ret

    def end(self, buf: Any = None) -> str:
        """Flush what is buffered (an incomplete character is decoded as is)."""
        ret = ""
        if buf is not None:
            ret = self.write(buf)
        if self._buffered > 0:
            ret += self._flush()
        return ret

    # Everything below is undocumented legacy stuff (as in Node).
    def text(self, buf: Any, offset: int = 0) -> str:
        self._missing = 0
        self._buffered = 0
        return self.write(buf[offset:])

    @property
    def lastChar(self) -> bytes:
        return bytes(self._incomplete)

    @property
    def lastNeed(self) -> int:
        return self._missing

    @property
    def lastTotal(self) -> int:
        return self._buffered + self._missing

    last_char = lastChar
    last_need = lastNeed
    last_total = lastTotal


__all__ += alias_module(globals(), __all__)
