"""Port of test/parallel/test-stream-pipe-manual-resume.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def _test(throw_code_inbetween):
    # Check that a pipe does not stall if .read() is called unexpectedly
    # (i.e. the stream is not resumed by the pipe).

    n = 1000
    counter = n

    def read(size):
        nonlocal counter
        counter -= 1
        if counter >= 0:
            rs.push({"counter": counter})
        else:
            rs.push(None)

    rs = Readable({"objectMode": True, "read": common.mustCallAtLeast(read, n)})

    ws = Writable(
        {
            "objectMode": True,
            "write": common.mustCall(lambda data, enc, cb: setImmediate(cb), n),
        }
    )

    setImmediate(lambda: throw_code_inbetween(rs, ws))

    rs.pipe(ws)


@pytest.mark.parametrize(
    "throw_code_inbetween",
    [lambda rs, ws: rs.read(), lambda rs, ws: rs.resume(), lambda rs, ws: 0],
    ids=["read", "resume", "nothing"],
)
def test_manual_resume(throw_code_inbetween) -> None:
    _test(throw_code_inbetween)
    run()
