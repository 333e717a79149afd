"""Port of test/parallel/test-stream-pipeline-with-empty-string.js."""

from nodenet_uv import Promise, run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.stream import PassThrough, pipeline
from nodenet_uv.testing import common


def test_pipeline_with_empty_string() -> None:
    async def run_test():
        # JS `await` of a non-promise value: one microtask.
        await Promise.resolve(pipeline("", PassThrough({"objectMode": True}), common.mustCall()))

    spawn(run_test()).then(common.mustCall())
    run()
