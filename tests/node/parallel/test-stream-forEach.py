"""Port of test/parallel/test-stream-forEach.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.events import once
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects
from nodenet_uv.timers import setImmediate


async def _true(*_):
    await Promise.resolve()
    return True


def test_sync_stream_sync_fn() -> None:
    # forEach works on synchronous streams with a synchronous predicate
    stream = Readable.from_([1, 2, 3])
    result = [1, 2, 3]

    def fn(value, *_):
        assert value == result.pop(0)

    async def main():
        await stream.forEach(fn)

    must_resolve(main())
    run()


def test_async_stream() -> None:
    # forEach works an asynchronous streams
    stream = Readable.from_([1, 2, 3]).filter(_true)
    result = [1, 2, 3]

    def fn(value, *_):
        assert value == result.pop(0)

    async def main():
        await stream.forEach(fn)

    must_resolve(main())
    run()


def test_async_stream_async_fn() -> None:
    # forEach works on asynchronous streams with a asynchronous forEach fn
    stream = Readable.from_([1, 2, 3]).filter(_true)
    result = [1, 2, 3]

    async def fn(value, *_):
        await Promise.resolve()
        assert value == result.pop(0)

    async def main():
        await stream.forEach(fn)

    must_resolve(main())
    run()


def test_infinite_stream() -> None:
    # forEach works on an infinite stream
    ac = AbortController()
    signal = ac.signal

    async def ones():
        while True:
            yield 1

    stream = Readable.from_(ones(), {"signal": signal})
    i = 0

    def fn(x, *_):
        nonlocal i
        i += 1
        if i == 10:
            ac.abort()
        assert x == 1

    must_resolve(rejects(stream.forEach(common.mustCall(fn, 10)), {"name": "AbortError"}))
    run()


def test_emit_error_during_for_each() -> None:
    # Emitting an error during `forEach`
    stream = Readable.from_([1, 2, 3, 4, 5])

    async def fn(x, *_):
        if x == 3:
            stream.emit("error", Exception("boom"))

    must_resolve(rejects(stream.forEach(fn), "boom"))
    run()


def test_sync_throw() -> None:
    # Throwing an error during `forEach` (sync)
    stream = Readable.from_([1, 2, 3, 4, 5])

    def fn(x, *_):
        if x == 3:
            raise Exception("boom")

    must_resolve(rejects(stream.forEach(fn), "boom"))
    run()


def test_async_throw() -> None:
    # Throwing an error during `forEach` (async)
    stream = Readable.from_([1, 2, 3, 4, 5])

    async def fn(x, *_):
        if x == 3:
            return await Promise.reject(Exception("boom"))

    must_resolve(rejects(stream.forEach(fn), "boom"))
    run()


def test_concurrency_and_abort_signal() -> None:
    ac = AbortController()
    calls = 0

    async def fn(_, options):
        nonlocal calls
        calls += 1
        await once(options["signal"], "abort")

    for_each_promise = Readable.from_([1, 2, 3, 4]).forEach(
        fn, {"signal": ac.signal, "concurrency": 2, "highWaterMark": 0}
    )

    # pump
    async def pump():
        await for_each_promise

    must_resolve(rejects(pump, {"name": "AbortError"}))

    def later():
        ac.abort()
        assert calls == 2

    setImmediate(later)
    run()


def test_error_cases() -> None:
    async def not_a_function():
        await Readable.from_([1]).forEach(1)

    async def bad_concurrency():
        await Readable.from_([1]).forEach(lambda x, *_: x, {"concurrency": "Foo"})

    async def bad_options():
        await Readable.from_([1]).forEach(lambda x, *_: x, 1)

    must_resolve(rejects(not_a_function, "ERR_INVALID_ARG_TYPE"))
    must_resolve(rejects(bad_concurrency, "ERR_OUT_OF_RANGE"))
    must_resolve(rejects(bad_options, "ERR_INVALID_ARG_TYPE"))
    run()


def test_result_is_promise() -> None:
    # Test result is a Promise
    stream = Readable.from_([1, 2, 3, 4, 5]).forEach(lambda *_: True)
    assert callable(stream.then)
    run()


def test_map_not_called() -> None:
    stream = Readable.from_([1, 2, 3, 4, 5])
    stream.map = common.mustNotCall()
    # Check that map isn't getting called.
    stream.forEach(lambda *_: True)
    run()
