"""Port of test/parallel/test-stream-readable-emit-readable-short-stream.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Transform
from nodenet_uv.testing import common


def _transform():
    def transform(chunk, encoding, callback):
        t.push(chunk)
        return callback()

    t = Transform(
        transform=common.mustCall(transform),
        flush=common.mustCall(lambda callback: callback()),
    )
    return t


def _reader(t, times=1):
    def on_readable():
        while True:
            chunk = t.read()
            if not chunk:
                break
            assert chunk.decode() == "content"

    t.on("readable", common.mustCall(on_readable, times))


def test_pipe_into_transform() -> None:
    def read(n):
        r.push("content")
        r.push(None)

    r = Readable(read=common.mustCall(read))
    t = _transform()
    r.pipe(t)
    _reader(t, 2)
    run()


def test_transform_end_with_chunk() -> None:
    t = _transform()
    t.end("content")
    _reader(t)
    run()


def test_transform_write_then_end() -> None:
    t = _transform()
    t.write("content")
    t.end()
    _reader(t)
    run()


def test_readable_push_then_end() -> None:
    t = Readable(read=lambda n: None)
    _reader(t)
    t.push("content")
    t.push(None)
    run()


def test_readable_push_on_next_tick() -> None:
    t = Readable(read=lambda n: None)
    _reader(t, 2)

    def later():
        t.push("content")
        t.push(None)

    next_tick(later)
    run()


def test_transform_listener_before_write() -> None:
    t = _transform()
    _reader(t, 2)
    t.write("content")
    t.end()
    run()
