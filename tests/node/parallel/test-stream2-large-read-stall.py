"""Port of test/parallel/test-stream2-large-read-stall.js.

If everything aligns so that you do a read(n) of exactly the
remaining buffer, then make sure that 'end' still emits.
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

READSIZE = 100
PUSHSIZE = 20
PUSHCOUNT = 1000
HWM = 50


def test_large_read_stall() -> None:
    r = Readable({"highWaterMark": HWM})

    pushes = 0

    def push(*_):
        nonlocal pushes
        if pushes > PUSHCOUNT:
            return None

        pushes += 1
        if pushes - 1 == PUSHCOUNT:
            return r.push(None)

        if r.push(bytes(PUSHSIZE)):
            setTimeout(push, 1)
        return None

    r._read = push

    def on_readable():
        while True:
            ret = r.read(READSIZE)
            if not (ret and len(ret) == READSIZE):
                break

    r.on("readable", on_readable)

    def on_end():
        assert pushes == PUSHCOUNT + 1

    r.on("end", common.mustCall(on_end))
    run()
