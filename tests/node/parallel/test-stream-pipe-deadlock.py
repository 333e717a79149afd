"""Port of test/parallel/test-stream-pipe-deadlock.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_pipe_deadlock() -> None:
    async def main():
        # Prepare src that is internally ended, with buffered data pending
        src = Readable({"read": lambda n: None})
        src.push(bytes(100))
        src.push(None)
        src.pause()

        # Give it time to settle
        await Promise(lambda resolve, reject: setImmediate(resolve))

        dst = Writable(
            {
                "highWaterMark": 1000,
                "write": lambda buf, enc, cb: next_tick(cb),
            }
        )

        dst.write(bytes(1000))  # Fill write buffer
        dst.on("finish", common.mustCall())
        src.pipe(dst)

    done = common.mustCall()

    async def wrapper():
        await main()
        done()

    run(wrapper())
