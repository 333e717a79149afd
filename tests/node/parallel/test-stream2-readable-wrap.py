"""Port of test/parallel/test-stream2-readable-wrap.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def run_test(high_water_mark, object_mode, produce):
    old = EventEmitter()
    r = Readable({"highWaterMark": high_water_mark, "objectMode": object_mode})
    assert r is r.wrap(old)

    r.on("end", common.mustCall())

    flowing = False

    def pause():
        nonlocal flowing
        old.emit("pause")
        flowing = False

    def resume():
        old.emit("resume")
        flow()

    old.pause = pause
    old.resume = resume

    # Make sure pause is only emitted once.
    pausing = False

    def on_pause():
        nonlocal pausing
        assert pausing is False
        pausing = True

        def later():
            nonlocal pausing
            pausing = False

        next_tick(later)

    r.on("pause", on_pause)

    chunks = 10
    old_ended = False
    expected = []

    def flow():
        nonlocal flowing, chunks, old_ended
        flowing = True
        while flowing:
            chunks -= 1
            if chunks + 1 <= 0:
                break
            item = produce()
            expected.append(item)
            old.emit("data", item)
        if chunks <= 0:
            old_ended = True
            old.emit("end")

    w = Writable({"highWaterMark": high_water_mark * 2, "objectMode": object_mode})
    written = []

    def _write(chunk, encoding, cb):
        written.append(chunk)
        setTimeout(cb, 1)

    w._write = _write

    def perform_asserts():
        assert old_ended
        assert written == expected

    w.on("finish", common.mustCall(perform_asserts))

    r.pipe(w)

    flow()
    run()


def test_buffers_100() -> None:
    run_test(100, False, lambda: bytes(100))


def test_buffers_10() -> None:
    run_test(10, False, lambda: b"xxxxxxxxxx")


def test_objects() -> None:
    run_test(1, True, lambda: {"foo": "bar"})


def test_falsy_objects() -> None:
    object_chunks = [5, "a", False, 0, "", "xyz", {"x": 4}, 7, [], 555]
    run_test(1, True, lambda: object_chunks.pop(0))
