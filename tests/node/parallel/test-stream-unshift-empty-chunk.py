"""Port of test/parallel/test-stream-unshift-empty-chunk.js.

This test verifies that stream.unshift(Buffer.alloc(0)) or
stream.unshift('') does not set state.reading=false.
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_unshift_empty_chunk() -> None:
    r = Readable()
    n_chunks = 10
    chunk = b"x" * 10

    def _read(n):
        def later():
            nonlocal n_chunks
            n_chunks -= 1
            r.push(None if n_chunks == 0 else chunk)

        setImmediate(later)

    r._read = _read

    read_all = False
    seen = []

    def on_readable():
        nonlocal read_all
        while (c := r.read()) is not None:
            seen.append(c.decode())
            # Simulate only reading a certain amount of the data,
            # and then putting the rest of the chunk back into the
            # stream, like a parser might do.  We just fill it with
            # 'y' so that it's easy to see which bits were touched,
            # and which were not.
            put_back = b"y" * (0 if read_all else 5)
            read_all = not read_all
            r.unshift(put_back)

    r.on("readable", on_readable)

    expect = ["xxxxxxxxxx", "yyyyy"] * 9

    def on_end():
        assert seen == expect

    r.on("end", common.mustCall(on_end))
    run()
