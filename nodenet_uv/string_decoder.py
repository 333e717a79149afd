"""Port of Node.js lib/string_decoder.js (and its native half, src/string_decoder.cc).

``StringDecoder`` turns a series of byte chunks into strings without splitting multi-byte
characters: an incomplete character at the end of a chunk is kept (at most 4 bytes) and
finished with the next chunk, exactly as Node's C++ decoder does (including how invalid
UTF-8 is cut into replacement characters). Complete characters are decoded by the
binding's StringBytes::Encode (``_binding/string_bytes.py``), as in Node.

DIVERGENCE: JS strings are UTF-16; Python strings hold code points. A surrogate pair that
JS would keep as two code units is one character here (its length is 1, not 2); a lone
surrogate stays a lone surrogate in both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nodenet_uv import errors
from nodenet_uv._binding.string_bytes import ENCODE
from nodenet_uv._internal.buffer import is_encoding, normalize_encoding
from nodenet_uv._internal.naming import NodeNames, alias_module

__all__ = ["StringDecoder", "isEncoding", "normalizeEncoding"]

# Buffer[internalUtil.kIsEncodingSymbol] in Node: Buffer.isEncoding.
isEncoding = is_encoding


def normalizeEncoding(enc: Any) -> str:
    """string_decoder's normalizeEncoding: throws ERR_UNKNOWN_ENCODING for unknown names."""
    nenc = normalize_encoding(enc)
    if nenc is None:
        raise errors.ERR_UNKNOWN_ENCODING(enc)
    return nenc


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


class StringDecoder(NodeNames):
    """Node's ``StringDecoder(encoding='utf8')``: ``write(buf)``, ``end([buf])``, ``text``."""

    __slots__ = ("_buffered", "_decode", "_incomplete", "_kind", "_missing", "encoding")

    def __init__(self, encoding: Any = None) -> None:
        self.encoding: str = normalizeEncoding(encoding)
        self._kind = _KIND.get(self.encoding, _OTHER)
        self._decode = ENCODE[self.encoding]
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

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        last_char = lastChar
        last_need = lastNeed
        last_total = lastTotal
    # END twins


__all__ += alias_module(globals(), __all__)
