"""Port of test/parallel/test-stream-readable-object-multi-push-async.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate, setTimeout

MAX = 42
BATCH = 10


def _fetcher(stop_when_over_max=True):
    i = [0]

    def fetch_data(cb):
        if stop_when_over_max and i[0] > MAX:
            setTimeout(cb, 10, None, [])
        else:
            array = []
            mx = i[0] + BATCH
            while i[0] < mx:
                array.append(i[0])
                i[0] += 1
            setTimeout(cb, 10, None, array)

    return fetch_data, i


def _end_check(i):
    def on_end():
        assert i[0] == (MAX // BATCH + 1) * BATCH

    return common.mustCall(on_end)


def _reader(fetch_data, null_on_empty=True):
    def read(n):
        def got(err, data):
            if err:
                readable.destroy(err)
                return
            if null_on_empty and len(data) == 0:
                readable.push(None)
                return
            for d in data:
                readable.push(d)
            if not null_on_empty and data[BATCH - 1] >= MAX:
                readable.push(None)

        fetch_data(got)

    readable = None

    def bind(r):
        nonlocal readable
        readable = r

    return read, bind


def test_readable_mode() -> None:
    fetch_data, i = _fetcher()
    read, bind = _reader(fetch_data)
    readable = Readable(objectMode=True, read=common.mustCall(read, MAX // BATCH + 2))
    bind(readable)

    def on_readable():
        while readable.read() is not None:
            pass

    readable.on("readable", on_readable)
    readable.on("end", _end_check(i))
    run()


def test_data_mode() -> None:
    fetch_data, i = _fetcher()
    read, bind = _reader(fetch_data)
    readable = Readable(objectMode=True, read=common.mustCall(read, MAX // BATCH + 2))
    bind(readable)

    readable.on("data", lambda data: None)
    readable.on("end", _end_check(i))
    run()


def test_data_mode_push_null_with_last_batch() -> None:
    fetch_data, i = _fetcher(stop_when_over_max=False)
    read, bind = _reader(fetch_data, null_on_empty=False)
    readable = Readable(objectMode=True, read=common.mustCall(read, MAX // BATCH + 1))
    bind(readable)

    readable.on("data", lambda data: None)
    readable.on("end", _end_check(i))
    run()


def test_end_after_next_tick() -> None:
    readable = Readable(objectMode=True, read=common.mustNotCall())

    readable.on("data", common.mustNotCall())

    readable.push(None)

    next_tick_passed = False

    def later():
        nonlocal next_tick_passed
        next_tick_passed = True

    next_tick(later)

    def on_end():
        assert next_tick_passed is True

    readable.on("end", common.mustCall(on_end))
    run()


def test_push_in_immediate() -> None:
    readable = Readable(objectMode=True, read=common.mustCall())

    readable.on("data", lambda data: None)

    readable.on("end", common.mustCall())

    def imm():
        readable.push("aaa")
        readable.push(None)

    setImmediate(imm)
    run()
