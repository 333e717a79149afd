"""Differential test: nodenet_uv.string_decoder.StringDecoder against node's, byte for byte.

Every input is cut into chunks in many ways (every single split point, byte by byte,
and random cuts); node and Python decode the same chunks with write()/end() and must
return the same strings (compared as UTF-16 code units, which is what a JS string is)
and the same lastNeed/lastTotal after every write.
"""

from __future__ import annotations

import json
import random
import subprocess
from typing import Any

import pytest

from nodenet_uv._internal.buffer import buffer_from_string, buffer_to_string
from nodenet_uv.string_decoder import StringDecoder
from nodenet_uv.testing.node_peer import find_node

pytestmark = pytest.mark.skipif(find_node() is None, reason="node not installed")

ENCODINGS = ["utf8", "utf16le", "base64", "base64url", "hex", "latin1", "ascii"]

INPUTS: list[bytes] = [
    b"",
    b"abc",
    "€".encode(),
    "aé€𝄞z".encode(),
    "\U0001f600\U0001f600".encode(),
    b"\xe2\x82",  # incomplete euro
    b"\xe2\x82\x41",  # incomplete followed by ASCII
    b"\xe2\xe2\x82\xac",
    b"\xc3\x28",
    b"\xa0\xa1",
    b"\xf0\x28\x8c\xbc",
    b"\xf0\x90\x28\xbc",
    b"\xf8\xa1\xa1\xa1\xa1",
    b"\xfc\xa1\xa1\xa1\xa1\xa1",
    b"\xed\xa0\x80",  # UTF-8 encoded surrogate
    b"\xed\xbf\xbf\xed\xa0\x80",
    b"\xc0\x80",  # overlong
    b"\xe0\x80\x80",
    b"\xf4\x90\x80\x80",  # > U+10FFFF
    b"\x80\x80\x80\x80\x80",
    b"\xf0\x9f\x98",  # incomplete 4-byte
    b"\xf0\x9f",
    b"\xf0",
    b"\xc2",
    b"ab\xc2",
    b"\xe4\xb8\xad\xe6\x96\x87",
    b"\x3d\xd8\x4d\xdc",  # utf16le surrogate pair
    b"\x3d\xd8",  # lone high surrogate
    b"\x4d\xdc\x3d\xd8",  # low then high
    b"\x3d\xd8\x41\x00",  # high then 'A'
    b"\x61\x00\x62",  # odd length
    bytes(range(256)),
    b"\xff\xfe\xfd",
    b"\x00\x01\x02\x03\x04\x05\x06",
]


def _splits(data: bytes, rng: random.Random) -> list[list[bytes]]:
    out = [[data], [data[i : i + 1] for i in range(len(data))]]
    for i in range(1, len(data)):
        out.append([data[:i], data[i:]])
    for _ in range(3):
        cuts = sorted(rng.sample(range(len(data) + 1), min(len(data) + 1, 3)))
        parts, prev = [], 0
        for c in [*cuts, len(data)]:
            parts.append(data[prev:c])
            prev = c
        out.append(parts)
    return out


def _cases() -> list[dict[str, Any]]:
    rng = random.Random(1234)
    cases = []
    for enc in ENCODINGS:
        for data in INPUTS:
            if len(data) > 40:
                chunkings = [
                    [data],
                    [data[:100], data[100:]],
                    [data[i : i + 7] for i in range(0, len(data), 7)],
                ]
            else:
                chunkings = _splits(data, rng)
            for chunks in chunkings:
                cases.append({"enc": enc, "chunks": [c.hex() for c in chunks]})
    return cases


JS = r"""
const { StringDecoder } = require('string_decoder');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(({ enc, chunks }) => {
  const d = new StringDecoder(enc);
  const writes = chunks.map((h) => {
    const s = d.write(Buffer.from(h, 'hex'));
    return [Buffer.from(s, 'utf16le').toString('hex'), d.lastNeed, d.lastTotal];
  });
  const end = Buffer.from(d.end(), 'utf16le').toString('hex');
  return { writes, end };
});
process.stdout.write(JSON.stringify(out));
"""


def _units(s: str) -> str:
    return s.encode("utf-16-le", "surrogatepass").hex()


def test_string_decoder_matches_node() -> None:
    cases = _cases()
    proc = subprocess.run(
        ["node", "-e", JS], input=json.dumps(cases), capture_output=True, text=True, check=True
    )
    expected = json.loads(proc.stdout)
    mismatches = []
    for case, exp in zip(cases, expected, strict=True):
        d = StringDecoder(case["enc"])
        writes = []
        for h in case["chunks"]:
            s = d.write(bytes.fromhex(h))
            writes.append([_units(s), d.lastNeed, d.lastTotal])
        got = {"writes": writes, "end": _units(d.end())}
        if got != exp:
            mismatches.append((case, exp, got))
    assert not mismatches, f"{len(mismatches)} mismatches, first: {mismatches[:3]}"


STRINGS = [
    "",
    "abc",
    "é€𝄞",
    "\ud800x",
    "x\udc00",
    "\ud83d\ude00",
    "ÿĀ",
    "YWJj ZA==",
    "YW\nJj",
    "Y-_-",
    "=a",
    "0g12",
    "abc",
    "a",
    "ABCDEF0123",
    "\x00\x7f\x80",
]


def test_buffer_from_and_to_string_match_node() -> None:
    cases = [{"s": s, "enc": enc} for s in STRINGS for enc in ENCODINGS]
    js = r"""
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(cases.map(({ s, enc }) => {
      const b = Buffer.from(s, enc);
      return [b.toString('hex'), Buffer.from(b.toString(enc), 'utf16le').toString('hex')];
    })));
    """
    payload = json.dumps(cases)
    proc = subprocess.run(
        ["node", "-e", js], input=payload, capture_output=True, text=True, check=True
    )
    expected = json.loads(proc.stdout)
    for case, exp in zip(json.loads(payload), expected, strict=True):
        b = buffer_from_string(case["s"], case["enc"])
        got = [b.hex(), _units(buffer_to_string(b, case["enc"]))]
        assert got == exp, case
