"""Port of test/parallel/test-stream2-set-encoding.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Readable as R
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


class TestReader(R):
    __test__ = False

    def __init__(self, n=None, opts=None):
        super().__init__(opts)
        self.pos = 0
        self.len = n or 100

    def _read(self, n):
        def later():
            nonlocal n
            if self.pos >= self.len:
                # Double push(null) to test eos handling
                self.push(None)
                return self.push(None)

            n = min(n, self.len - self.pos)
            if n <= 0:
                # Double push(null) to test eos handling
                self.push(None)
                return self.push(None)

            self.pos += n
            ret = b"a" * n
            return self.push(ret)

        setTimeout(later, 1)


# The expected chunks of Node's test, written out there one per line.
UTF8 = ["aaaaaaaaaa"] * 10
HEX = ["6161616161"] * 20
HEX13 = ["6161616161616", "1616161616161"] * 7 + ["6161616161616", "16161"]
BASE64 = ["YWFhYWFhYW", "FhYWFhYWFh"] * 6 + ["YWFhYWFhYW", "FhYQ=="]

CASES = [
    ("utf8", 10, UTF8),
    ("hex", 10, HEX),
    ("hex", 13, HEX13),
    ("base64", 10, BASE64),
]


def _check(tr, size, expect):
    out = []

    def flow():
        while True:
            chunk = tr.read(size)
            if chunk is None:
                break
            out.append(chunk)

    tr.on("readable", flow)

    def on_end():
        assert out == expect

    tr.on("end", common.mustCall(on_end))
    run()


@pytest.mark.parametrize(("encoding", "size", "expect"), CASES)
def test_set_encoding(encoding, size, expect) -> None:
    tr = TestReader(100)
    tr.setEncoding(encoding)
    _check(tr, size, expect)


@pytest.mark.parametrize(("encoding", "size", "expect"), CASES)
def test_encoding_option(encoding, size, expect) -> None:
    tr = TestReader(100, {"encoding": encoding})
    _check(tr, size, expect)


def test_chaining() -> None:
    # Verify chaining behavior
    tr = TestReader(100)
    assert tr.setEncoding("utf8") is tr
