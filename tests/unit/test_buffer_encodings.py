"""Differential test: nodenet_uv._internal.buffer against node's Buffer, case by case.

``Buffer.from(s, enc)``, ``buf.toString(enc)``, ``Buffer.byteLength(s, enc)``,
``Buffer.isEncoding(enc)``, internal/util ``normalizeEncoding(enc)`` and
``new StringDecoder(enc).encoding`` over every string/buffer and every encoding name
below (canonical names, their case variants, aliases, unknown names, non-strings and
undefined). node runs once over all the cases; strings are compared as UTF-16 code
units (what a JS string is), errors by their code.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from nodenet_uv._internal.buffer import (
    buffer_from_string,
    buffer_to_string,
    byte_length,
    is_encoding,
    normalize_encoding,
)
from nodenet_uv.string_decoder import StringDecoder
from nodenet_uv.testing.node_peer import find_node

pytestmark = pytest.mark.skipif(find_node() is None, reason="node not installed")

# JSON has no undefined: this string stands for it on the JS side and is None here.
UNDEFINED = "<undefined>"

ENCODINGS: list[Any] = [
    UNDEFINED,
    "",
    "utf8",
    "utf-8",
    "UTF-8",
    "UTF8",
    "Utf8",
    "uTf-8",
    "ucs2",
    "UCS2",
    "Ucs2",
    "ucs-2",
    "UCS-2",
    "utf16le",
    "UTF16LE",
    "Utf16Le",
    "utf-16le",
    "UTF-16LE",
    "latin1",
    "LATIN1",
    "Latin1",
    "binary",
    "BINARY",
    "Binary",
    "base64",
    "BASE64",
    "Base64",
    "base64url",
    "BASE64URL",
    "Base64Url",
    "hex",
    "HEX",
    "Hex",
    "ascii",
    "ASCII",
    "Ascii",
    "buffer",
    "utf16",
    "utf-16",
    "utf32",
    "latin-1",
    "bogus",
    " utf8",
    "utf8 ",
    "utf 8",
    "he\u212a",  # KELVIN SIGN lower-cases to 'k'
    "\u0130ex",
    "null",
    0,
    1,
    True,
    False,
]

STRINGS: list[str] = [
    "",
    "a",
    "ab",
    "abc",
    "abcd",
    "ABCDEF0123",
    "zz",
    "0g12",
    "12zz34",
    "1",
    "a b",
    " ab",
    "0x12",
    "-1",
    "\u0130\u0131",  # code units 0x130 0x131: low bytes '0' '1'
    "\u01411",  # low byte 'A'
    "\u00e91",
    "12\u00e9",
    "ab\ud800",
    "\U0001f600",
    "YWJj",
    "YWJjZA==",
    "YWJjZA=",
    "YWJjZA",
    "YWJjZ",
    "Y",
    "YQ",
    "YQ=",
    "YWJj ZA==",
    "YW\nJj",
    " Y W J j ",
    "Y-_-",
    "Y+/+",
    "-_-_+/+/",
    "=a",
    "YQ==YWJj",
    "YW=Jj",
    "YWJj\tZGVm",
    "YWJj!@#ZGVm",
    "\u0141\u0141\u0141\u0141",
    "YW\u013dJj",  # low byte '=': decoding stops there
    "YWJj\u00e9ZA",
    "YWJj\ud800ZA",
    "\U0001f600YWJj",
    "QUJD\x00REVG",
    "////",
    "____",
    "AA",
    "AAA",
    "AAAA",
    "AAAAA",
    "a=",
    "==",
    "=",
    "a==",
    "é€𝄞",
    "\ud800",
    "\udc00",
    "\ud800x",
    "x\udc00",
    "\ud83d\ude00",  # a pair given as two characters
    "\ude00\ud83d",
    "\x00",
    "\uffff",
    "\ufffe",
    "ÿĀ",
    "\u0100\u0141",
    "€",
    "abc\x80\xff",
    "YWJj ZGVm " * 500,  # long enough for Buffer.from's non-pool path
    "ab" * 2100,
]

BUFFERS: list[bytes] = [
    b"",
    b"a",
    b"abc",
    bytes(range(256)),
    b"\x80\xff",
    b"\xe2\x82",
    b"\xe2\x82\x41",
    b"\xed\xa0\x80",
    b"\xc0\x80",
    b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x98\x80",
    b"\xf0\x9f\x98",
    b"a\x00b",
    b"\x3d\xd8",
    b"\x3d\xd8\x00",
    b"\x00\xd8\x00\xdc",
    b"\x00\xdc\x00\xd8",
    b"\xff",
    b"\xfb\xff",
    b"\xfb\xff\xbf",
    b"\x00",
]

JS = r"""
const { StringDecoder } = require('string_decoder');
const { normalizeEncoding } = require('internal/util');
const { strings, buffers, encodings } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const U = (x) => (x === '<undefined>' ? undefined : x);
const units = (s) => Buffer.from(s, 'utf16le').toString('hex');
const attempt = (fn) => {
  try { return fn(); } catch (e) { return 'ERR:' + e.code; }
};
const encs = encodings.map(U);
process.stdout.write(JSON.stringify({
  from: strings.map((s) => encs.map((e) => attempt(() => Buffer.from(s, e).toString('hex')))),
  byteLength: strings.map((s) => encs.map((e) => Buffer.byteLength(s, e))),
  bufByteLength: buffers.map((h) => Buffer.byteLength(Buffer.from(h, 'hex'))),
  toString: buffers.map((h) => encs.map((e) =>
    attempt(() => units(Buffer.from(h, 'hex').toString(e))))),
  toStringNoArg: buffers.map((h) => units(Buffer.from(h, 'hex').toString())),
  isEncoding: encs.map((e) => Buffer.isEncoding(e)),
  normalizeEncoding: encs.map((e) => normalizeEncoding(e) ?? null),
  decoder: encs.map((e) => attempt(() => new StringDecoder(e).encoding)),
}));
"""


def _units(s: str) -> str:
    return s.encode("utf-16-le", "surrogatepass").hex()


def _attempt(fn: Any) -> Any:
    try:
        return fn()
    except Exception as e:  # compared by code, as node's side does
        return f"ERR:{getattr(e, 'code', type(e).__name__)}"


def _py(enc: Any) -> Any:
    return None if enc == UNDEFINED else enc


@pytest.fixture(scope="module")
def node() -> dict[str, Any]:
    payload = {"strings": STRINGS, "buffers": [b.hex() for b in BUFFERS], "encodings": ENCODINGS}
    proc = subprocess.run(
        ["node", "--expose-internals", "-e", JS],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _mismatches(expected: list[Any], got: list[Any], labels: list[Any]) -> list[Any]:
    return [(lab, e, g) for lab, e, g in zip(labels, expected, got, strict=True) if e != g]


def _grid(rows: list[Any], fn: Any) -> tuple[list[Any], list[Any]]:
    got, labels = [], []
    for row in rows:
        for enc in ENCODINGS:
            got.append(fn(row, _py(enc)))
            labels.append((row if len(str(row)) < 40 else str(row)[:40] + "...", enc))
    return got, labels


def test_buffer_from_string(node: dict[str, Any]) -> None:
    got, labels = _grid(STRINGS, lambda s, e: _attempt(lambda: buffer_from_string(s, e).hex()))
    bad = _mismatches([x for row in node["from"] for x in row], got, labels)
    assert not bad, f"{len(bad)} mismatches (case, node, ours): {bad[:10]}"


def test_byte_length(node: dict[str, Any]) -> None:
    got, labels = _grid(STRINGS, byte_length)
    bad = _mismatches([x for row in node["byteLength"] for x in row], got, labels)
    assert not bad, f"{len(bad)} mismatches (case, node, ours): {bad[:10]}"
    assert [byte_length(b) for b in BUFFERS] == node["bufByteLength"]
    assert [byte_length(memoryview(b)) for b in BUFFERS] == node["bufByteLength"]


def test_buffer_to_string(node: dict[str, Any]) -> None:
    got, labels = _grid(BUFFERS, lambda b, e: _attempt(lambda: _units(buffer_to_string(b, e))))
    bad = _mismatches([x for row in node["toString"] for x in row], got, labels)
    assert not bad, f"{len(bad)} mismatches (case, node, ours): {bad[:10]}"
    for kind in (bytes, bytearray, memoryview):
        got = [_units(buffer_to_string(kind(b))) for b in BUFFERS]
        assert got == node["toStringNoArg"], kind


def test_buffer_to_string_accepts_every_buffer_type(node: dict[str, Any]) -> None:
    for kind in (bytearray, memoryview):
        got, labels = _grid(
            BUFFERS, lambda b, e, k=kind: _attempt(lambda: _units(buffer_to_string(k(b), e)))
        )
        bad = _mismatches([x for row in node["toString"] for x in row], got, labels)
        assert not bad, f"{kind.__name__}: {len(bad)} mismatches: {bad[:10]}"


def test_encoding_names(node: dict[str, Any]) -> None:
    encs = [_py(e) for e in ENCODINGS]
    assert _mismatches(node["isEncoding"], [is_encoding(e) for e in encs], ENCODINGS) == []
    got = [normalize_encoding(e) for e in encs]
    assert _mismatches(node["normalizeEncoding"], got, ENCODINGS) == []
    got = [_attempt(lambda e=e: StringDecoder(e).encoding) for e in encs]
    assert _mismatches(node["decoder"], got, ENCODINGS) == []
