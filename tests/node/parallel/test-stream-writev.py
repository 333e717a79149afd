"""Port of test/parallel/test-stream-writev.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def _test(decode, uncork, multi, done):
    counter = 0
    expect_count = 0

    def cnt(msg):
        nonlocal expect_count
        expect_count += 1
        expect = expect_count

        def check(er=None):
            nonlocal counter
            if er:
                raise er
            counter += 1
            assert counter == expect

        return check

    w = Writable({"decodeStrings": decode})
    w._write = common.mustNotCall("Should not call _write")

    expect_chunks = (
        [
            {"encoding": "buffer", "chunk": [104, 101, 108, 108, 111, 44, 32]},
            {"encoding": "buffer", "chunk": [119, 111, 114, 108, 100]},
            {"encoding": "buffer", "chunk": [33]},
            {"encoding": "buffer", "chunk": [10, 97, 110, 100, 32, 116, 104, 101, 110, 46, 46, 46]},
            {
                "encoding": "buffer",
                "chunk": [250, 206, 190, 167, 222, 173, 190, 239, 222, 202, 251, 173],
            },
        ]
        if decode
        else [
            {"encoding": "ascii", "chunk": "hello, "},
            {"encoding": "utf8", "chunk": "world"},
            {"encoding": "buffer", "chunk": [33]},
            {"encoding": "latin1", "chunk": "\nand then..."},
            {"encoding": "hex", "chunk": "facebea7deadbeefdecafbad"},
        ]
    )

    actual_chunks = None

    def _writev(chunks, cb):
        nonlocal actual_chunks
        actual_chunks = [
            {
                "encoding": chunk["encoding"],
                "chunk": list(chunk["chunk"])
                if isinstance(chunk["chunk"], bytes)
                else chunk["chunk"],
            }
            for chunk in chunks
        ]
        cb()

    w._writev = _writev

    w.cork()
    w.write("hello, ", "ascii", cnt("hello"))
    w.write("world", "utf8", cnt("world"))

    if multi:
        w.cork()

    w.write(b"!", "buffer", cnt("!"))
    w.write("\nand then...", "latin1", cnt("and then"))

    if multi:
        w.uncork()

    w.write("facebea7deadbeefdecafbad", "hex", cnt("hex"))

    if uncork:
        w.uncork()

    w.end(cnt("end"))

    def on_finish():
        # Make sure finish comes after all the write cb
        cnt("finish")()
        assert actual_chunks == expect_chunks
        done()

    w.on("finish", on_finish)


@pytest.mark.parametrize("decode", [False, True])
@pytest.mark.parametrize("uncork", [False, True])
@pytest.mark.parametrize("multi", [False, True])
def test_writev(decode: bool, uncork: bool, multi: bool) -> None:
    _test(decode, uncork, multi, common.mustCall())
    run()


def test_writev_option() -> None:
    w = Writable({"writev": common.mustCall(lambda chunks, cb: cb())})
    w.write("asd", common.mustCall())
    run()
