"""Port of test/parallel/test-stream2-base64-single-char-read-end.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable as R
from nodenet_uv.stream import Writable as W
from nodenet_uv.timers import clearTimeout, setTimeout


def test_base64_single_char_read_end() -> None:
    src = R({"encoding": "base64"})
    dst = W()
    has_read = False
    accum = []

    def _read(n):
        nonlocal has_read
        if not has_read:
            has_read = True

            def later():
                src.push(b"1")
                src.push(None)

            next_tick(later)

    src._read = _read

    def _write(chunk, enc, cb):
        accum.append(chunk)
        cb()

    dst._write = _write

    def on_end():
        assert b"".join(accum).decode() == "MQ=="
        clearTimeout(timeout)

    src.on("end", on_end)

    src.pipe(dst)

    def timed_out():
        raise AssertionError("timed out waiting for _write")

    timeout = setTimeout(timed_out, 100)
    run()
