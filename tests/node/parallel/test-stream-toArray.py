"""Port of test/parallel/test-stream-toArray.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.stream import Readable
from nodenet_uv.testing.common import must_resolve, rejects

TESTS = [[], [1], [1, 2, 3], list(range(100))]


def test_synchronous_stream() -> None:
    async def main():
        for test in TESTS:
            stream = Readable.from_(test)
            result = await stream.toArray()
            assert result == test

    must_resolve(main())
    run()


def test_non_object_mode_stream() -> None:
    async def main():
        first_buffer = bytes([1, 2, 3])
        second_buffer = bytes([4, 5, 6])
        stream = Readable.from_([first_buffer, second_buffer], {"objectMode": False})
        result = await stream.toArray()
        assert isinstance(result, list)
        assert result == [first_buffer, second_buffer]

    must_resolve(main())
    run()


def test_asynchronous_stream() -> None:
    async def main():
        for test in TESTS:
            stream = Readable.from_(test).map(lambda x, *a: Promise.resolve(x))
            result = await stream.toArray()
            assert result == test

    must_resolve(main())
    run()


def test_abort_signal() -> None:
    ac = AbortController()
    stream = None

    async def block():
        nonlocal stream

        async def fn(x, *args):
            if x == 3:
                await Promise(lambda resolve, reject: None)  # Explicitly do not pass signal here
            return await Promise.resolve(x)

        stream = Readable.from_([1, 2, 3, 4]).map(fn)
        await stream.toArray({"signal": ac.signal})

    async def main():
        await rejects(block, {"name": "AbortError"})
        # Stops toArray *and* destroys the stream
        assert stream.destroyed is True

    must_resolve(main())
    ac.abort()
    run()


def test_result_is_promise() -> None:
    result = Readable.from_([1, 2, 3, 4, 5]).toArray()
    assert isinstance(result, Promise)
    run()


def test_error_cases() -> None:
    async def bad_options():
        await Readable.from_([1]).toArray(1)

    async def bad_signal():
        await Readable.from_([1]).toArray({"signal": True})

    must_resolve(rejects(bad_options, "ERR_INVALID_ARG_TYPE"))
    must_resolve(rejects(bad_signal, "ERR_INVALID_ARG_TYPE"))
    run()
