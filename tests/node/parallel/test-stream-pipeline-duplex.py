"""Port of test/parallel/test-stream-pipeline-duplex.js."""

from nodenet_uv import run
from nodenet_uv.stream import Duplex, PassThrough, pipeline
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_pipeline_duplex() -> None:
    remote = PassThrough()
    local = Duplex({"read": lambda n: None, "write": lambda chunk, enc, callback: callback()})

    def done(err):
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"

    pipeline(remote, local, remote, common.mustCall(done))

    setImmediate(lambda: remote.end())
    run()
