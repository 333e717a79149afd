"""Port of test/parallel/test-stream-readable-didRead.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, isDisturbed, isErrored
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def noop(*_):
    pass


def check(readable, data, fn):
    assert readable.readableDidRead is False
    assert isDisturbed(readable) is False
    assert isErrored(readable) is False
    if data == -1:
        readable.on("error", common.mustCall(lambda *a: _is(isErrored(readable), True)))
        readable.on("data", common.mustNotCall())
        readable.on("end", common.mustNotCall())
    else:
        readable.on("error", common.mustNotCall())
        if data == -2:
            readable.on("end", common.mustNotCall())
        else:
            readable.on("end", common.mustCall())
        if data > 0:
            readable.on("data", common.mustCallAtLeast(data))
        else:
            readable.on("data", common.mustNotCall())
    readable.on("close", common.mustCall())
    fn()

    def later():
        assert readable.readableDidRead is (data > 0)
        if data > 0:
            assert isDisturbed(readable) is True

    setImmediate(later)
    run()


def _is(a, b):
    assert a is b


def _make(*chunks):
    def read(n):
        for c in chunks:
            readable.push(c)
        readable.push(None)

    readable = Readable(read=read)
    return readable


def test_read() -> None:
    readable = _make()
    check(readable, 0, lambda: readable.read())


def test_resume() -> None:
    readable = _make()
    check(readable, 0, lambda: readable.resume())


def test_destroy() -> None:
    readable = _make()
    check(readable, -2, lambda: readable.destroy())


def test_destroy_with_error() -> None:
    readable = _make()
    check(readable, -1, lambda: readable.destroy(Exception()))


def test_data_listener() -> None:
    readable = _make("data")
    check(readable, 1, lambda: readable.on("data", noop))


def test_data_listener_removed() -> None:
    readable = _make("data")

    def fn():
        readable.on("data", noop)
        readable.off("data", noop)

    check(readable, 1, fn)
