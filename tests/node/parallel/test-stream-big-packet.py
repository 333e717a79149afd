"""Port of test/parallel/test-stream-big-packet.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import PassThrough, Transform
from nodenet_uv.timers import setImmediate


def test_big_packet() -> None:
    passed = False

    class TestStream(Transform):
        def _transform(self, chunk, encoding, done):
            nonlocal passed
            if not passed:
                # Char 'a' only exists in the last write
                passed = b"a" in chunk
            done()

    s1 = Transform({"transform": lambda chunk, encoding, cb: next_tick(cb, None, chunk)})
    s2 = PassThrough()
    s3 = TestStream()
    s1.pipe(s3)
    # Don't let s2 auto close which may close s3
    s2.pipe(s3, {"end": False})

    # We must write a buffer larger than highWaterMark
    big = b"x" * (s1.writableHighWaterMark + 1)

    # Since big is larger than highWaterMark, it will be buffered internally.
    assert not s1.write(big)
    # 'tiny' is small enough to pass through internal buffer.
    assert s2.write("tiny")

    # Write some small data in next IO loop, which will never be written to s3
    # Because 'drain' event is not emitted from s1 and s1 is still paused
    setImmediate(s1.write, "later")

    run()
    # Assert after two IO loops when all operations have been done.
    assert passed, "Large buffer is not handled properly by Writable Stream"
