"""Port of test/parallel/test-stream2-readable-legacy-drain.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Stream
from nodenet_uv.testing import common


def test_legacy_drain() -> None:
    r = Readable()
    N = 256
    reads = 0

    def _read(n):
        nonlocal reads
        reads += 1
        return r.push(None if reads == N else bytes(1))

    r._read = _read

    r.on("end", common.mustCall())

    w = Stream()
    w.writable = True
    buffered = 0

    def write(c):
        nonlocal buffered
        buffered += len(c)
        next_tick(drain)
        return False

    w.write = write

    def drain():
        nonlocal buffered
        assert buffered <= 3
        buffered = 0
        w.emit("drain")

    w.end = common.mustCall()

    r.pipe(w)
    run()
