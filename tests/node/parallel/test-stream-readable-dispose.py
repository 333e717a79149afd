"""Port of test/parallel/test-stream-readable-dispose.js.

``read[Symbol.asyncDispose]()`` is ``read.asyncDispose()`` here; ``await using read = ...``
(explicit resource management) is what it means: ``try: ... finally: await
read.asyncDispose()`` in an async function.
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_async_dispose() -> None:
    read = Readable(read=lambda n: None)
    read.resume()

    read.on("end", common.mustNotCall("no end event"))
    read.on("close", common.mustCall())

    def on_error(err):
        assert err.name == "AbortError"

    read.on("error", common.mustCall(on_error))

    def after(_v):
        assert read.errored.name == "AbortError"
        assert read.destroyed is True

    read.asyncDispose().then(common.mustCall(after))
    run()


def test_await_using() -> None:
    async def main() -> None:
        read = Readable(read=lambda n: None)
        try:
            read.resume()

            read.on("end", common.mustNotCall("no end event"))
            read.on("close", common.mustCall())

            def on_error(err):
                assert err.name == "AbortError"
                assert read.errored.name == "AbortError"
                assert read.destroyed is True

            read.on("error", common.mustCall(on_error))
        finally:
            await read.asyncDispose()

    common.mustResolve(main())
    run()
