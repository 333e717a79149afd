"""Port of test/parallel/test-stream-readable-end-destroyed.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_no_end_after_close() -> None:
    # Don't emit 'end' after 'close'.
    r = Readable()

    r.on("end", common.mustNotCall())
    r.resume()
    r.destroy()
    r.on("close", common.mustCall(lambda: r.push(None)))
    run()
