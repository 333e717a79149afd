"""Port of test/parallel/test-stream-pipeline-uncaught.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import PassThrough, pipeline
from nodenet_uv.testing import common


def test_pipeline_uncaught() -> None:
    def on_uncaught(err):
        assert str(err) == "error"

    process.on("uncaughtException", common.mustCall(on_uncaught))

    # Ensure that pipeline that ends with Promise
    # still propagates error to uncaughtException.
    s = PassThrough()
    s.end("data")

    async def sink(source):
        async for _chunk in source:
            pass

    def done():
        raise Exception("error")

    pipeline(s, sink, common.mustSucceed(done))
    run()
