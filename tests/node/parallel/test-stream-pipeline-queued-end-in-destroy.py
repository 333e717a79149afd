"""Port of test/parallel/test-stream-pipeline-queued-end-in-destroy.js."""

# Test that the callback for pipeline() is called even when the ._destroy()
# method of the stream places an .end() request to itself that does not
# get processed before the destruction of the stream (i.e. the 'close' event).
# Refs: https://github.com/nodejs/node/issues/24456

from nodenet_uv import run
from nodenet_uv.stream import Duplex, Readable, pipeline
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_pipeline_queued_end_in_destroy() -> None:
    readable = Readable({"read": common.mustCall()})

    def destroy(err, cb):
        # Call end() from inside the destroy() method, like HTTP/2 streams
        # do at the time of writing.
        duplex.end()
        cb(err)

    duplex = Duplex(
        {
            # Simulate messages queueing up.
            "write": lambda chunk, enc, cb: None,
            "read": lambda n: None,
            "destroy": destroy,
        }
    )

    duplex.on("finished", common.mustNotCall())

    def done(err):
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"

    pipeline(readable, duplex, common.mustCall(done))

    # Write one chunk of data, and destroy the stream later.
    # That should trigger the pipeline destruction.
    readable.push("foo")
    setImmediate(lambda: readable.destroy())
    run()
