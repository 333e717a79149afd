"""Port of test/parallel/test-stream-pipeline-async-iterator.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.stream import PassThrough, Readable, pipeline
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_pipeline_async_iterator() -> None:
    _err = Exception("kaboom")

    async def main():
        source = Readable({"read": lambda n: None})
        source.push("hello")
        source.push("world")

        setImmediate(lambda: source.destroy(_err))

        iterator = pipeline(source, PassThrough(), lambda *a: None)

        iterator.setEncoding("utf8")

        async for k in iterator:
            assert k == "helloworld"

    def check(err):
        assert err is _err

    spawn(main()).catch(common.mustCall(check))
    run()
