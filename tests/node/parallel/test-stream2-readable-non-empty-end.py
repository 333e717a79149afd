"""Port of test/parallel/test-stream2-readable-non-empty-end.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_non_empty_end() -> None:
    length = 0
    chunks = []
    for i in range(1, 11):
        chunks.append(bytes(i))
        length += i

    test = Readable()
    n = 0

    def _read(size):
        nonlocal n
        chunk = chunks[n] if n < len(chunks) else None
        n += 1
        setTimeout(lambda: test.push(chunk), 1)

    test._read = _read

    def thrower():
        raise Exception("this should not happen!")

    test.on("end", thrower)

    bytesread = 0

    def on_readable():
        nonlocal bytesread
        b = length - bytesread - 1
        res = test.read(b)
        if res:
            bytesread += len(res)
            setTimeout(next_, 1)
        test.read(0)

    test.on("readable", on_readable)
    test.read(0)

    def next_():
        # Now let's make 'end' happen
        test.removeListener("end", thrower)
        test.on("end", common.mustCall())

        # One to get the last byte
        r = test.read()
        assert r
        assert len(r) == 1
        r = test.read()
        assert r is None

    run()
