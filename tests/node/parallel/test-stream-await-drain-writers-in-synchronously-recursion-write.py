"""Port of test/parallel/test-stream-await-drain-writers-in-synchronously-recursion-write.js."""

from nodenet_uv import run
from nodenet_uv.stream import PassThrough
from nodenet_uv.testing import common


def test_await_drain_writers_recursion() -> None:
    encode = PassThrough({"highWaterMark": 1})

    decode = PassThrough({"highWaterMark": 1})

    send = common.mustCall(lambda buf: encode.write(buf), 4)

    i = 0

    def on_data(*args):
        nonlocal i
        i += 1
        if i == 2:
            send(bytes([0x3]))
            send(bytes([0x4]))

    encode.pipe(decode).on("data", common.mustCall(on_data, 4))

    send(bytes([0x1]))
    send(bytes([0x2]))
    run()
