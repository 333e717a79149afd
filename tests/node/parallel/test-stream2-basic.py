"""Port of test/parallel/test-stream2-basic.js."""

import pytest

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Readable as R
from nodenet_uv.stream import Writable as W
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


class TestReader(R):
    __test__ = False

    def __init__(self, n=None):
        super().__init__()
        self._buffer = b"x" * (n or 100)
        self._pos = 0
        self._bufs = 10

    def _read(self, n):
        max_ = len(self._buffer) - self._pos
        n = max(n, 0)
        to_read = min(n, max_)
        if to_read == 0:
            # Simulate the read buffer filling up with some more bytes some time
            # in the future.
            def later():
                self._pos = 0
                self._bufs -= 1
                if self._bufs <= 0:
                    # read them all!
                    if not getattr(self, "ended", None):
                        self.push(None)
                else:
                    # now we have more.
                    # kinda cheating by calling _read, but whatever,
                    # it's just fake anyway.
                    self._read(n)

            setTimeout(later, 10)
            return

        ret = self._buffer[self._pos : self._pos + to_read]
        self._pos += to_read
        self.push(ret)


class TestWriter(EventEmitter):
    __test__ = False

    def __init__(self):
        super().__init__()
        self.received = []
        self.flush = False

    def write(self, c):
        self.received.append(c.decode())
        self.emit("write", c)
        return True

    def end(self, c=None):
        if c:
            self.write(c)
        self.emit("end", self.received)


def test_basic_functionality() -> None:
    r = TestReader(20)

    reads = []
    expect = [
        "x",
        "xx",
        "xxx",
        "xxxx",
        "xxxxx",
        "xxxxxxxxx",
        "xxxxxxxxxx",
        "xxxxxxxxxxxx",
        "xxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxxxx",
    ]

    r.on("end", common.mustCall(lambda: _eq(reads, expect)))

    read_size = 1

    def flow():
        nonlocal read_size
        while True:
            res = r.read(read_size)
            read_size += 1
            if res is None:
                break
            reads.append(res.decode())
        r.once("readable", flow)

    flow()
    run()


def _eq(a, b):
    assert a == b


EXPECT_10 = ["xxxxx"] * 10


def test_verify_pipe() -> None:
    r = TestReader(5)
    w = TestWriter()

    w.on("end", common.mustCall(lambda received: _eq(received, EXPECT_10)))

    r.pipe(w)
    run()


@pytest.mark.parametrize("split", [1, 2, 3, 4, 5, 6, 7, 8, 9])
def test_verify_unpipe(split) -> None:
    r = TestReader(5)

    # Unpipe after 3 writes, then write to another stream instead.
    expect = [EXPECT_10[:split], EXPECT_10[split:]]

    w = [TestWriter(), TestWriter()]

    writes = split

    def on_write(*args):
        nonlocal writes
        writes -= 1
        if writes == 0:
            r.unpipe()
            assert r._readableState.pipes == []
            w[0].end()
            r.pipe(w[1])
            assert r._readableState.pipes == [w[1]]

    w[0].on("write", on_write)

    ended = 0

    def on_end0(results):
        nonlocal ended
        ended += 1
        assert ended == 1
        assert results == expect[0]

    def on_end1(results):
        nonlocal ended
        ended += 1
        assert ended == 2
        assert results == expect[1]

    w[0].on("end", common.mustCall(on_end0))
    w[1].on("end", common.mustCall(on_end1))

    r.pipe(w[0])
    run()


def test_both_writers_get_same_data() -> None:
    # Verify both writers get the same data when piping to destinations
    r = TestReader(5)
    w = [TestWriter(), TestWriter()]

    w[0].on("end", common.mustCall(lambda received: _eq(received, EXPECT_10)))
    w[1].on("end", common.mustCall(lambda received: _eq(received, EXPECT_10)))

    r.pipe(w[0])
    r.pipe(w[1])
    run()


@pytest.mark.parametrize("split", [1, 2, 3, 4, 5, 6, 7, 8, 9])
def test_verify_multi_unpipe(split) -> None:
    r = TestReader(5)

    # Unpipe after 3 writes, then write to another stream instead.
    expect = [EXPECT_10[:split], EXPECT_10[split:]]

    w = [TestWriter(), TestWriter(), TestWriter()]

    writes = split

    def on_write(*args):
        nonlocal writes
        writes -= 1
        if writes == 0:
            r.unpipe()
            w[0].end()
            r.pipe(w[1])

    w[0].on("write", on_write)

    ended = 0

    def on_end0(results):
        nonlocal ended
        ended += 1
        assert ended == 1
        assert results == expect[0]

    def on_end1(results):
        nonlocal ended
        ended += 1
        assert ended == 2
        assert results == expect[1]

    w[0].on("end", common.mustCall(on_end0))
    w[1].on("end", common.mustCall(on_end1))

    r.pipe(w[0])
    r.pipe(w[2])
    run()


def test_back_pressure_respected() -> None:
    r = R({"objectMode": True})
    r._read = common.mustNotCall()
    counter = 0
    r.push(["one"])
    r.push(["two"])
    r.push(["three"])
    r.push(["four"])
    r.push(None)

    w1 = R()

    def w1_write(chunk):
        assert chunk[0] == "one"
        w1.emit("close")

        def tick():
            r.pipe(w2)
            r.pipe(w3)

        next_tick(tick)

    w1.write = w1_write
    w1.end = common.mustNotCall()

    r.pipe(w1)

    expected = ["two", "two", "three", "three", "four", "four"]

    w2 = R()

    def w2_write(chunk):
        nonlocal counter
        assert chunk[0] == expected.pop(0)
        assert counter == 0

        counter += 1

        if chunk[0] == "four":
            return True

        def later():
            nonlocal counter
            counter -= 1
            w2.emit("drain")

        setTimeout(later, 10)

        return False

    w2.write = w2_write
    w2.end = common.mustCall()

    w3 = R()

    def w3_write(chunk):
        nonlocal counter
        assert chunk[0] == expected.pop(0)
        assert counter == 1

        counter += 1

        if chunk[0] == "four":
            return True

        def later():
            nonlocal counter
            counter -= 1
            w3.emit("drain")

        setTimeout(later, 50)

        return False

    w3.write = w3_write

    def w3_end():
        assert counter == 2
        assert len(expected) == 0

    w3.end = common.mustCall(w3_end)
    run()


def test_read0_for_ended_streams() -> None:
    r = R()
    written = False
    ended = False
    r._read = common.mustNotCall()

    r.push(b"foo")
    r.push(None)

    v = r.read(0)

    assert v is None

    w = R()

    def write(buffer):
        nonlocal written
        written = True
        assert ended is False
        assert buffer.decode() == "foo"

    def end():
        nonlocal ended
        ended = True
        assert written is True

    w.write = write
    w.end = common.mustCall(end)

    r.pipe(w)
    run()


def test_synchronous_read_ending() -> None:
    r = R()
    called = False
    r._read = lambda n: r.push(None)

    def on_end():
        nonlocal called
        # Verify that this is called before the next tick
        called = True

    r.once("end", on_end)

    r.read()

    def check():
        assert called is True

    next_tick(check)
    run()


def test_readable_listener_triggers_flow() -> None:
    r = R({"highWaterMark": 5})
    on_readable = False
    read_called = 0

    def _read(n):
        nonlocal read_called
        read_called += 1
        if read_called - 1 == 2:
            r.push(None)
        else:
            r.push(b"asdf")

    r._read = _read

    def readable():
        nonlocal on_readable
        on_readable = True
        r.read()

    r.on("readable", readable)

    def on_end():
        assert read_called == 3
        assert on_readable

    r.on("end", common.mustCall(on_end))
    run()


def test_chainable() -> None:
    r = R()
    r._read = common.mustCall()
    r2 = r.setEncoding("utf8").pause().resume().pause()
    assert r is r2
    run()


def test_readable_encoding_property() -> None:
    assert "readableEncoding" in R.__dict__
    r = R({"encoding": "utf8"})
    assert r.readableEncoding == "utf8"


def test_readable_object_mode_property() -> None:
    assert "readableObjectMode" in R.__dict__
    r = R({"objectMode": True})
    assert r.readableObjectMode is True


def test_writable_object_mode_property() -> None:
    assert "writableObjectMode" in W.__dict__
    w = W({"objectMode": True})
    assert w.writableObjectMode is True
