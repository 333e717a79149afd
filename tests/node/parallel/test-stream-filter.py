"""Port of test/parallel/test-stream-filter.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.errors import AbortError
from nodenet_uv.events import once
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects, throws
from nodenet_uv.timers import clearTimeout, setImmediate, setTimeout


def sleep(ms, options=None):
    """require('timers/promises').setTimeout(ms, undefined, {signal})."""
    signal = (options or {}).get("signal")

    def executor(resolve, reject):
        if signal is not None and signal.aborted:
            reject(AbortError(None, {"cause": signal.reason}))
            return
        timer = setTimeout(resolve, ms)
        if signal is not None:

            def on_abort(*args):
                clearTimeout(timer)
                reject(AbortError(None, {"cause": signal.reason}))

            signal.addEventListener("abort", on_abort, {"once": True})

    return Promise(executor)


async def _drain_checking(stream, result):
    async for item in stream:
        assert item == result.pop(0)


def test_sync_stream_sync_predicate() -> None:
    # Filter works on synchronous streams with a synchronous predicate
    stream = Readable.from_([1, 2, 3, 4, 5]).filter(lambda x, *_: x < 3)
    must_resolve(_drain_checking(stream, [1, 2]))
    run()


def test_sync_stream_async_predicate() -> None:
    # Filter works on synchronous streams with an asynchronous predicate
    async def pred(x, *_):
        await Promise.resolve()
        return x > 3

    stream = Readable.from_([1, 2, 3, 4, 5]).filter(pred)
    must_resolve(_drain_checking(stream, [4, 5]))
    run()


def test_async_mapper_then_filter() -> None:
    # Map works on asynchronous streams with a asynchronous mapper
    async def mapper(x, *_):
        await Promise.resolve()
        return x + x

    stream = Readable.from_([1, 2, 3, 4, 5]).map(mapper).filter(lambda x, *_: x > 5)
    must_resolve(_drain_checking(stream, [6, 8, 10]))
    run()


def test_infinite_stream() -> None:
    # Filter works on an infinite stream
    async def ones():
        while True:
            yield 1

    async def pred(x, *_):
        return x < 3

    stream = Readable.from_(ones()).filter(common.mustCall(pred, 5))

    async def main():
        i = 1
        async for item in stream:
            assert item == 1
            i += 1
            if i == 5:
                break

    must_resolve(main())
    run()


def test_constructor_created_stream() -> None:
    # Filter works on constructor created streams
    i = 0

    def read(n):
        nonlocal i
        if i == 10:
            stream_.push(None)
            return
        stream_.push(bytearray([i]))
        i += 1

    stream_ = Readable({"read": read, "highWaterMark": 0})

    async def pred(chunk, *_):
        return chunk[0] != 5

    stream = stream_.filter(common.mustCall(pred, 10))

    async def main():
        result = [x[0] for x in await stream.toArray()]
        expected = [x for x in range(10) if x != 5]
        assert result == expected

    must_resolve(main())
    run()


def test_sync_throw() -> None:
    # Throwing an error during `filter` (sync)
    def pred(x, *_):
        if x == 3:
            raise Exception("boom")
        return True

    stream = Readable.from_([1, 2, 3, 4, 5]).filter(pred)
    must_resolve(rejects(stream.map(lambda x, *_: x + x).toArray(), "boom"))
    run()


def test_async_throw() -> None:
    # Throwing an error during `filter` (async)
    async def pred(x, *_):
        if x == 3:
            raise Exception("boom")
        return True

    stream = Readable.from_([1, 2, 3, 4, 5]).filter(pred)
    must_resolve(rejects(stream.filter(lambda *_: True).toArray(), "boom"))
    run()


def test_concurrency_and_abort_signal() -> None:
    ac = AbortController()
    calls = 0

    async def pred(_, options):
        nonlocal calls
        calls += 1
        await once(options["signal"], "abort")

    stream = Readable.from_([1, 2, 3, 4]).filter(pred, {"signal": ac.signal, "concurrency": 2})

    # pump
    async def pump():
        async for _item in stream:
            pass  # nope

    must_resolve(rejects(pump, {"name": "AbortError"}))

    def later():
        ac.abort()
        assert calls == 2

    setImmediate(later)
    run()


def test_concurrency_result_order() -> None:
    async def pred(item, options):
        await sleep(10 - item, {"signal": options["signal"]})
        return True

    stream = Readable.from_([1, 2]).filter(pred, {"concurrency": 2})
    must_resolve(_drain_checking(stream, [1, 2]))
    run()


def test_error_cases() -> None:
    throws(lambda: Readable.from_([1]).filter(1), "ERR_INVALID_ARG_TYPE")
    throws(
        lambda: Readable.from_([1]).filter(lambda x, *_: x, {"concurrency": "Foo"}),
        "ERR_OUT_OF_RANGE",
    )
    throws(lambda: Readable.from_([1]).filter(lambda x, *_: x, 1), "ERR_INVALID_ARG_TYPE")
    run()


def test_result_is_readable() -> None:
    stream = Readable.from_([1, 2, 3, 4, 5]).filter(lambda x, *_: True)
    assert stream.readable is True
    run()


def test_map_not_called() -> None:
    stream = Readable.from_([1, 2, 3, 4, 5])
    stream.map = common.mustNotCall()
    # Check that map isn't getting called.
    stream.filter(lambda *_: True)
    run()
