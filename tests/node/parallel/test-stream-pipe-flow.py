"""Port of test/parallel/test-stream-pipe-flow.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import PassThrough, Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_object_mode_hwm_zero() -> None:
    ticks = 17

    def read(n):
        nonlocal ticks
        ticks -= 1
        if ticks + 1 > 0:
            return next_tick(lambda: rs.push({}))
        rs.push({})
        rs.push(None)

    rs = Readable({"objectMode": True, "read": read})

    ws = Writable(
        {
            "highWaterMark": 0,
            "objectMode": True,
            "write": lambda data, end, cb: setImmediate(cb),
        }
    )

    rs.on("end", common.mustCall())
    ws.on("finish", common.mustCall())
    rs.pipe(ws)
    run()


def test_passthrough_chain() -> None:
    missing = 8

    def read(n):
        nonlocal missing
        missing -= 1
        if missing + 1:
            rs.push({})
        else:
            rs.push(None)

    rs = Readable({"objectMode": True, "read": read})

    pt = rs.pipe(PassThrough({"objectMode": True, "highWaterMark": 2})).pipe(
        PassThrough({"objectMode": True, "highWaterMark": 2})
    )

    pt.on("end", lambda: wrapper.push(None))

    def wrapper_read(n):
        def tick():
            data = pt.read()
            if data is None:

                def on_readable():
                    data = pt.read()
                    if data is not None:
                        wrapper.push(data)

                pt.once("readable", on_readable)
            else:
                wrapper.push(data)

        next_tick(tick)

    wrapper = Readable({"objectMode": True, "read": wrapper_read})

    wrapper.resume()
    wrapper.on("end", common.mustCall())
    run()


def test_drain_only_on_backpressure() -> None:
    # Only register drain if there is backpressure.
    rs = Readable({"read": lambda n: None})

    pt = rs.pipe(PassThrough({"objectMode": True, "highWaterMark": 2}))
    assert pt.listenerCount("drain") == 0

    def on_finish():
        assert pt.listenerCount("drain") == 0

    pt.on("finish", on_finish)

    rs.push("asd")
    assert pt.listenerCount("drain") == 0

    def tick():
        rs.push("asd")
        assert pt.listenerCount("drain") == 0
        rs.push(None)
        assert pt.listenerCount("drain") == 0

    next_tick(tick)
    run()
