"""Port of test/parallel/test-stream-passthrough-drain.js."""

from nodenet_uv import run
from nodenet_uv.stream import PassThrough
from nodenet_uv.testing import common


def test_passthrough_drain() -> None:
    pt = PassThrough({"highWaterMark": 0})
    pt.on("drain", common.mustCall())
    assert not pt.write("hello1")
    pt.read()
    pt.read()
    run()
