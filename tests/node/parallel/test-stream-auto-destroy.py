"""Port of test/parallel/test-stream-auto-destroy.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Transform, Writable
from nodenet_uv.testing import common


def test_readable() -> None:
    def read(n):
        r.push("hello")
        r.push("world")
        r.push(None)

    r = Readable(
        {
            "autoDestroy": True,
            "read": read,
            "destroy": common.mustCall(lambda err, cb: cb()),
        }
    )

    ended = False

    r.resume()

    def on_end():
        nonlocal ended
        ended = True

    r.on("end", common.mustCall(on_end))

    def on_close():
        assert ended

    r.on("close", common.mustCall(on_close))
    run()


def test_writable() -> None:
    w = Writable(
        {
            "autoDestroy": True,
            "write": lambda data, enc, cb: cb(None),
            "destroy": common.mustCall(lambda err, cb: cb()),
        }
    )

    finished = False

    w.write("hello")
    w.write("world")
    w.end()

    def on_finish():
        nonlocal finished
        finished = True

    w.on("finish", common.mustCall(on_finish))

    def on_close():
        assert finished

    w.on("close", common.mustCall(on_close))
    run()


def test_transform() -> None:
    t = Transform(
        {
            "autoDestroy": True,
            "transform": lambda data, enc, cb: cb(None, data),
            "destroy": common.mustCall(lambda err, cb: cb()),
        }
    )

    ended = False
    finished = False

    t.write("hello")
    t.write("world")
    t.end()

    t.resume()

    def on_end():
        nonlocal ended
        ended = True

    def on_finish():
        nonlocal finished
        finished = True

    t.on("end", common.mustCall(on_end))
    t.on("finish", common.mustCall(on_finish))

    def on_close():
        assert ended
        assert finished

    t.on("close", common.mustCall(on_close))
    run()


def test_readable_dest_error() -> None:
    r = Readable({"read": lambda n: r2.emit("error", Exception("fail"))})
    r2 = Readable({"autoDestroy": True, "destroy": common.mustCall(lambda err, cb: cb())})

    r.pipe(r2)
    run()


def test_writable_dest_error() -> None:
    r = Readable({"read": lambda n: w.emit("error", Exception("fail"))})
    w = Writable({"autoDestroy": True, "destroy": common.mustCall(lambda err, cb: cb())})

    r.pipe(w)
    run()
