"""Port of test/parallel/test-stream-unshift-read-race.js.

This test verifies that:
1. unshift() does not cause colliding _read() calls.
2. unshift() after the 'end' event is an error, but after the EOF
   signalling null, it is ok, and just creates a new readable chunk.
3. push() after the EOF signaling null is an error.
4. _read() is not called after pushing the EOF null chunk.
"""

import math

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_unshift_read_race() -> None:
    hwm = 10
    r = Readable({"highWaterMark": hwm, "autoDestroy": False})
    chunks = 10

    data = bytes(b"asdf"[i % 4] for i in range(chunks * hwm + math.ceil(hwm / 2)))

    pos = 0
    pushed_null = False

    def _read(n):
        assert not pushed_null, "_read after null push"

        # Every third chunk is fast
        push(not (chunks % 3), n)

    def push(fast, n):
        nonlocal pos, pushed_null
        assert not pushed_null, "push() after null push"
        c = None if pos >= len(data) else data[pos : pos + n]
        pushed_null = c is None
        if fast:
            pos += n
            r.push(c)
            if c is None:
                push_error()
        else:

            def later():
                nonlocal pos
                pos += n
                r.push(c)
                if c is None:
                    push_error()

            setTimeout(later, 1)

    r._read = _read

    def push_error():
        r.unshift(bytes(1))
        w.end()

        with pytest.raises(Exception) as info:
            r.push(bytes(1))
        common.check_error(
            info.value,
            {
                "code": "ERR_STREAM_PUSH_AFTER_EOF",
                "name": "Error",
                "message": "stream.push() after EOF",
            },
        )

    w = Writable()
    written = []

    def _write(chunk, encoding, cb):
        written.append(chunk.decode())
        cb()

    w._write = _write

    r.on("end", common.mustNotCall())

    def on_readable():
        while (chunk := r.read(10)) is not None:
            w.write(chunk)
            if len(chunk) > 4:
                r.unshift(b"1234")

    r.on("readable", on_readable)

    def on_finish():
        # Each chunk should start with 1234, and then be asfdasdfasdf...
        # The first got pulled out before the first unshift('1234'), so it's
        # lacking that piece.
        assert written[0] == "asdfasdfas"
        asdf = "d"
        for i in range(1, len(written)):
            assert written[i][0:4] == "1234"
            for j in range(4, len(written[i])):
                c = written[i][j]
                assert c == asdf
                asdf = {"a": "s", "s": "d", "d": "f", "f": "a"}[asdf]

    w.on("finish", common.mustCall(on_finish))
    run()
    assert len(written) == 18
