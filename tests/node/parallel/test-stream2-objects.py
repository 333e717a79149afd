"""Port of test/parallel/test-stream2-objects.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def to_array(callback):
    stream = Writable({"objectMode": True})
    list_ = []
    stream.write = lambda chunk, *args: list_.append(chunk)
    stream.end = common.mustCall(lambda *args: callback(list_))
    return stream


def from_array(list_):
    r = Readable({"objectMode": True})
    r._read = common.mustNotCall()
    for chunk in list_:
        r.push(chunk)
    r.push(None)
    return r


def _expect_list(expected):
    def check(actual):
        assert actual == expected

    return common.mustCall(check)


def test_objects_can_be_read() -> None:
    r = from_array([{"one": "1"}, {"two": "2"}])

    v1 = r.read()
    v2 = r.read()
    v3 = r.read()

    assert v1 == {"one": "1"}
    assert v2 == {"two": "2"}
    assert v3 is None
    run()


def test_objects_can_be_piped() -> None:
    r = from_array([{"one": "1"}, {"two": "2"}])
    r.pipe(to_array(_expect_list([{"one": "1"}, {"two": "2"}])))
    run()


def test_read_n_is_ignored() -> None:
    r = from_array([{"one": "1"}, {"two": "2"}])
    value = r.read(2)
    assert value == {"one": "1"}
    run()


def test_objects_synchronously_read() -> None:
    r = Readable({"objectMode": True})
    list_ = [{"one": "1"}, {"two": "2"}]

    def _read(n):
        item = list_.pop(0) if list_ else None
        r.push(item or None)

    r._read = _read

    r.pipe(to_array(_expect_list([{"one": "1"}, {"two": "2"}])))
    run()


def test_objects_asynchronously_read() -> None:
    r = Readable({"objectMode": True})
    list_ = [{"one": "1"}, {"two": "2"}]

    def _read(n):
        item = list_.pop(0) if list_ else None
        next_tick(lambda: r.push(item or None))

    r._read = _read

    r.pipe(to_array(_expect_list([{"one": "1"}, {"two": "2"}])))
    run()


def test_strings_read_as_objects() -> None:
    r = Readable({"objectMode": True})
    r._read = common.mustNotCall()
    list_ = ["one", "two", "three"]
    for s in list_:
        r.push(s)
    r.push(None)

    r.pipe(to_array(_expect_list(list_)))
    run()


def test_read0_for_object_streams() -> None:
    r = Readable({"objectMode": True})
    r._read = common.mustNotCall()

    r.push("foobar")
    r.push(None)

    r.pipe(to_array(_expect_list(["foobar"])))
    run()


def test_pushing_falsey_values() -> None:
    r = Readable({"objectMode": True})
    r._read = common.mustNotCall()

    r.push(False)
    r.push(0)
    r.push("")
    r.push(None)

    def check(array):
        assert array == [False, 0, ""]
        # deepStrictEqual: false is not 0 (True == 1 in Python).
        assert [type(v) for v in array] == [bool, int, str]

    r.pipe(to_array(common.mustCall(check)))
    run()


def test_high_watermark_read() -> None:
    r = Readable({"highWaterMark": 6, "objectMode": True})
    calls = 0
    list_ = ["1", "2", "3", "4", "5", "6", "7", "8"]

    def _read(n):
        nonlocal calls
        calls += 1

    r._read = _read

    for c in list_:
        r.push(c)

    v = r.read()

    assert calls == 0
    assert v == "1"

    v2 = r.read()
    assert v2 == "2"

    v3 = r.read()
    assert v3 == "3"

    assert calls == 1
    run()


def test_high_watermark_push() -> None:
    r = Readable({"highWaterMark": 6, "objectMode": True})
    r._read = common.mustNotCall()
    for i in range(6):
        b = r.push(i)
        assert b is (i != 5)
    run()


def test_objects_written() -> None:
    w = Writable({"objectMode": True})

    def _write(chunk, encoding, cb):
        assert chunk == {"foo": "bar"}
        cb()

    w._write = _write

    w.on("finish", common.mustCall())
    w.write({"foo": "bar"})
    w.end()
    run()


def test_multiple_objects_written() -> None:
    w = Writable({"objectMode": True})
    list_ = []

    def _write(chunk, encoding, cb):
        list_.append(chunk)
        cb()

    w._write = _write

    def on_finish():
        assert list_ == [0, 1, 2, 3, 4]

    w.on("finish", common.mustCall(on_finish))

    w.write(0)
    w.write(1)
    w.write(2)
    w.write(3)
    w.write(4)
    w.end()
    run()


def test_strings_written_as_objects() -> None:
    w = Writable({"objectMode": True})
    list_ = []

    def _write(chunk, encoding, cb):
        list_.append(chunk)
        next_tick(cb)

    w._write = _write

    def on_finish():
        assert list_ == ["0", "1", "2", "3", "4"]

    w.on("finish", common.mustCall(on_finish))

    w.write("0")
    w.write("1")
    w.write("2")
    w.write("3")
    w.write("4")
    w.end()
    run()


def test_finish_waits_for_callback() -> None:
    w = Writable({"objectMode": True})
    called = False

    def _write(chunk, encoding, cb):
        assert chunk == "foo"

        def tick():
            nonlocal called
            called = True
            cb()

        next_tick(tick)

    w._write = _write

    def on_finish():
        assert called is True

    w.on("finish", common.mustCall(on_finish))

    w.write("foo")
    w.end()
    run()
