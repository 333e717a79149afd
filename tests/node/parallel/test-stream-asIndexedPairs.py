"""Port of test/parallel/test-stream-asIndexedPairs.mjs."""

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.stream import Readable
from nodenet_uv.testing.common import must_resolve, rejects, throws


def test_synchronous_stream() -> None:
    async def main():
        # asIndexedPairs with a synchronous stream
        pairs = await Readable.from_([1, 2, 3]).asIndexedPairs().toArray()
        assert pairs == [[0, 1], [1, 2], [2, 3]]
        empty = await Readable.from_([]).asIndexedPairs().toArray()
        assert empty == []

    must_resolve(main())
    run()


def test_asynchronous_stream() -> None:
    async def identity(x, *args):
        return x

    def async_from(*args):
        return Readable.from_(*args).map(identity)

    async def main():
        # asIndexedPairs works an asynchronous streams
        pairs = await async_from([1, 2, 3]).asIndexedPairs().toArray()
        assert pairs == [[0, 1], [1, 2], [2, 3]]
        empty = await async_from([]).asIndexedPairs().toArray()
        assert empty == []

    must_resolve(main())
    run()


def test_infinite_stream() -> None:
    async def ones():
        while True:
            yield 1

    def infinite():
        return Readable.from_(ones())

    async def main():
        # Does not enumerate an infinite stream
        pairs = await infinite().asIndexedPairs().take(3).toArray()
        assert pairs == [[0, 1], [1, 1], [2, 1]]
        empty = await infinite().asIndexedPairs().take(0).toArray()
        assert empty == []

    must_resolve(main())
    run()


def test_abort_signal() -> None:
    async def aborted_later():
        ac = AbortController()
        signal = ac.signal
        p = Readable.from_([1, 2, 3]).asIndexedPairs({"signal": signal}).toArray()
        ac.abort()
        await p

    async def aborted_already():
        signal = AbortSignal.abort()
        await Readable.from_([1, 2, 3]).asIndexedPairs({"signal": signal}).toArray()

    async def main():
        await rejects(aborted_later, {"name": "AbortError"})
        await rejects(aborted_already, "AbortError")

    must_resolve(main())
    run()


def test_error_cases() -> None:
    throws(lambda: Readable.from_([1]).asIndexedPairs(1), "ERR_INVALID_ARG_TYPE")
    throws(lambda: Readable.from_([1]).asIndexedPairs({"signal": True}), "ERR_INVALID_ARG_TYPE")
    run()
