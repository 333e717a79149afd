"""Port of test/parallel/test-stream-map.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise, spawn
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


def create_dependent_promises(n):
    promise_and_resolve_array = []

    for i in range(n):
        holder = {}

        def executor(resolve, reject, i=i, holder=holder):
            if i == 0:
                holder["res"] = resolve
                return
            holder["res"] = lambda: promise_and_resolve_array[i - 1][0].then(resolve)

        promise = Promise(executor)
        promise_and_resolve_array.append([promise, holder["res"]])

    return promise_and_resolve_array


def _double(x, *_):
    return x + x


async def _async_double(x, *_):
    return x + x


def test_sync_mapper() -> None:
    # Map works on synchronous streams with a synchronous mapper
    stream = Readable.from_([1, 2, 3, 4, 5]).map(_double)

    async def main():
        assert await stream.toArray() == [2, 4, 6, 8, 10]

    must_resolve(main())
    run()


def test_async_mapper() -> None:
    # Map works on synchronous streams with an asynchronous mapper
    async def mapper(x, *_):
        await Promise.resolve()
        return x + x

    stream = Readable.from_([1, 2, 3, 4, 5]).map(mapper)

    async def main():
        assert await stream.toArray() == [2, 4, 6, 8, 10]

    must_resolve(main())
    run()


def test_async_stream_async_mapper() -> None:
    # Map works on asynchronous streams with a asynchronous mapper
    stream = Readable.from_([1, 2, 3, 4, 5]).map(_async_double).map(_double)

    async def main():
        assert await stream.toArray() == [4, 8, 12, 16, 20]

    must_resolve(main())
    run()


def test_infinite_stream() -> None:
    # Map works on an infinite stream
    async def ones():
        while True:
            yield 1

    stream = Readable.from_(ones()).map(common.mustCall(_async_double, 5))

    async def main():
        i = 1
        async for item in stream:
            assert item == 2
            i += 1
            if i == 5:
                break

    must_resolve(main())
    run()


async def _first_doubled(chunk, *_):
    return chunk[0] + chunk[0]


def _one_two_readable():
    def read(n):
        r.push(bytearray([1]))
        r.push(bytearray([2]))
        r.push(None)

    r = Readable({"read": read})
    return r


async def _drain_checking(stream, result):
    async for item in stream:
        assert item == result.pop(0)


def test_constructor_created_stream() -> None:
    # Map works on non-objectMode streams
    stream = _one_two_readable().map(_first_doubled).map(_double)
    must_resolve(_drain_checking(stream, [4, 8]))
    run()


def test_emitting_data_directly() -> None:
    # Does not care about data events
    source = _one_two_readable()
    setImmediate(lambda: stream.emit("data", bytearray([1])))
    stream = source.map(_first_doubled).map(_double)
    must_resolve(_drain_checking(stream, [4, 8]))
    run()


def test_emitting_error() -> None:
    # Emitting an error during `map`
    async def mapper(x, *_):
        if x == 3:
            stream.emit("error", Exception("boom"))
        return x + x

    stream = Readable.from_([1, 2, 3, 4, 5]).map(mapper)
    must_resolve(rejects(stream.map(_double).toArray(), "boom"))
    run()


def test_sync_throw() -> None:
    # Throwing an error during `map` (sync)
    def mapper(x, *_):
        if x == 3:
            raise Exception("boom")
        return x + x

    stream = Readable.from_([1, 2, 3, 4, 5]).map(mapper)
    must_resolve(rejects(stream.map(_double).toArray(), "boom"))
    run()


def test_async_throw() -> None:
    # Throwing an error during `map` (async)
    async def mapper(x, *_):
        if x == 3:
            raise Exception("boom")
        return x + x

    stream = Readable.from_([1, 2, 3, 4, 5]).map(mapper)
    must_resolve(rejects(stream.map(_double).toArray(), "boom"))
    run()


def test_concurrency_and_abort_signal() -> None:
    ac = AbortController()
    range_ = Readable.from_([1, 2, 3, 4, 5])

    async def mapper(_, options):
        signal = options["signal"]
        await once(signal, "abort")
        raise signal.reason

    stream = range_.map(
        common.mustCall(mapper, 2), {"signal": ac.signal, "concurrency": 2, "highWaterMark": 0}
    )

    async def block():
        async for item in stream:
            raise AssertionError("should not reach here, got " + repr(item))

    must_resolve(rejects(block, {"name": "AbortError"}))

    setImmediate(lambda: ac.abort())
    run()


def test_concurrency_result_order() -> None:
    async def mapper(item, options):
        await sleep(10 - item, {"signal": options["signal"]})
        return item

    stream = Readable.from_([1, 2]).map(mapper, {"concurrency": 2})
    must_resolve(_drain_checking(stream, [1, 2]))
    run()


def _ordered_mapper(promises, finish_order):
    async def mapper(item, *_):
        promise, resolve = promises[item]
        resolve()
        await promise
        finish_order.append(item)
        return item

    return mapper


def _resolve_then_check(coro):
    spawn(coro).then(common.mustCall(), common.mustNotCall())


def test_concurrency_finish_order() -> None:
    # Concurrency result order
    finish_order = []

    promises = create_dependent_promises(4)

    raw = Readable.from_([2, 0, 1, 3])
    stream = raw.map(_ordered_mapper(promises, finish_order), {"concurrency": 2})

    async def main():
        await stream.toArray()
        assert finish_order == [0, 1, 2, 3]

    _resolve_then_check(main())
    run()


def test_concurrency_6_order() -> None:
    finish_order = []

    promises = create_dependent_promises(20)

    input_ = [10, 1, 0, 3, 4, 2, 5, 7, 8, 9, 6, 11, 12, 13, 18, 15, 16, 17, 14, 19]
    raw = Readable.from_(input_)
    stream = raw.map(_ordered_mapper(promises, finish_order), {"concurrency": 6})

    async def main():
        output_order = await stream.toArray()
        assert output_order == input_
        assert finish_order == list(range(20))

    _resolve_then_check(main())
    run()


def test_concurrency_5_hwm_7_order() -> None:
    finish_order = []

    promises = create_dependent_promises(20)

    input_ = [11, 1, 0, 3, 4, 2, 5, 7, 8, 9, 6, 10, 12, 13, 18, 15, 16, 17, 14, 19]
    raw = Readable.from_(input_)
    stream = raw.map(
        _ordered_mapper(promises, finish_order), {"concurrency": 5, "highWaterMark": 7}
    )

    async def main():
        output_order = await stream.toArray()
        assert output_order == input_
        assert finish_order == list(range(20))

    _resolve_then_check(main())
    run()


def test_chained_map_resolves_promises() -> None:
    promises = create_dependent_promises(3)

    raw = Readable.from_([0, 1, 2])

    async def first(item, *_):
        if item != 0:
            await promises[item][0]
        return item

    def second(item, *_):
        for _p, resolve in promises:
            resolve()
        return item

    stream = raw.map(first, {"concurrency": 2}).map(second)

    async def main():
        await stream.toArray()

    _resolve_then_check(main())
    run()


def test_error_cases() -> None:
    throws(lambda: Readable.from_([1]).map(1), "ERR_INVALID_ARG_TYPE")
    throws(
        lambda: Readable.from_([1]).map(lambda x, *_: x, {"concurrency": "Foo"}),
        "ERR_OUT_OF_RANGE",
    )
    throws(
        lambda: Readable.from_([1]).map(lambda x, *_: x, {"concurrency": -1}),
        "ERR_OUT_OF_RANGE",
    )
    throws(lambda: Readable.from_([1]).map(lambda x, *_: x, 1), "ERR_INVALID_ARG_TYPE")
    throws(
        lambda: Readable.from_([1]).map(lambda x, *_: x, {"signal": True}),
        "ERR_INVALID_ARG_TYPE",
    )
    run()


def test_result_is_readable() -> None:
    stream = Readable.from_([1, 2, 3, 4, 5]).map(lambda x, *_: x)
    assert stream.readable is True
    run()
