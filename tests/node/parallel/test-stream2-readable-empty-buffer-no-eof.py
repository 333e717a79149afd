"""Port of test/parallel/test-stream2-readable-empty-buffer-no-eof.js."""

import functools

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.timers import setImmediate


def test_empty_buffer_is_not_eof() -> None:
    r = Readable()

    # Should not end when we get a Buffer.alloc(0) or '' as the _read
    # result that just means that there is *temporarily* no data, but to
    # go ahead and try again later.
    #
    # note that this is very unusual.  it only works for crypto streams
    # because the other side of the stream will call read(0) to cycle
    # data through openssl.  that's why setImmediate() is used to call
    # r.read(0) again later, otherwise there is no more work being done
    # and the process just exits.

    buf = b"x" * 5
    reads = 5

    def _read(n):
        nonlocal reads
        reads -= 1
        case = reads + 1
        if case == 5:
            return setImmediate(lambda: r.push(buf))
        if case == 4:
            setImmediate(lambda: r.push(b""))
            return setImmediate(functools.partial(r.read, 0))
        if case == 3:
            setImmediate(functools.partial(r.read, 0))
            return next_tick(lambda: r.push(b""))
        if case == 2:
            setImmediate(functools.partial(r.read, 0))
            return r.push(b"")  # Not-EOF!
        if case == 1:
            return r.push(buf)
        if case == 0:
            return r.push(None)  # EOF
        raise Exception("unreachable")

    r._read = _read

    results = []

    def flow():
        while (chunk := r.read()) is not None:
            results.append(chunk.decode())

    r.on("readable", flow)
    r.on("end", lambda: results.append("EOF"))
    flow()
    run()
    assert results == ["xxxxx", "xxxxx", "EOF"]


def test_base64_decoder() -> None:
    r = Readable({"encoding": "base64"})
    reads = 5

    def _read(n):
        nonlocal reads
        reads -= 1
        if not reads + 1:
            return r.push(None)  # EOF
        return r.push(b"x")

    r._read = _read

    results = []

    def flow():
        while (chunk := r.read()) is not None:
            results.append(str(chunk))

    r.on("readable", flow)
    r.on("end", lambda: results.append("EOF"))
    flow()
    run()
    assert results == ["eHh4", "eHg=", "EOF"]
