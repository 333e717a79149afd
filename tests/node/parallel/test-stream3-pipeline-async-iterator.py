"""Port of test/parallel/test-stream3-pipeline-async-iterator.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.stream.promises import pipeline
from nodenet_uv.testing import common


def test_async_iterators_as_streams() -> None:
    # Ensure that async iterators can act as readable and writable streams
    async def my_custom_readable():
        yield "Hello"
        yield "World"

    messages = []

    async def my_custom_writable(stream):
        async for chunk in stream:
            messages.append(chunk)

    async def main():
        await pipeline(my_custom_readable, my_custom_writable)
        assert messages == ["Hello", "World"]

    spawn(main()).then(common.mustCall())
    run()
