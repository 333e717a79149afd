"""Port of test/parallel/test-stream-flatMap.js.

Left out: the block that flat-maps to ``fs.createReadStream`` of a fixture file (no fs
streams here).
"""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv._internal.task_queues import queue_microtask
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.errors import AbortError
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects, throws
from nodenet_uv.timers import clearTimeout, setTimeout


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


def one_to5():
    return Readable.from_([1, 2, 3, 4, 5])


def test_sync_mapper() -> None:
    # flatMap works on synchronous streams with a synchronous mapper
    async def main():
        assert await one_to5().flatMap(lambda x, *_: [x + x]).toArray() == [2, 4, 6, 8, 10]
        assert await one_to5().flatMap(lambda *_: []).toArray() == []
        assert await one_to5().flatMap(lambda x, *_: [x, x]).toArray() == [
            1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
        ]  # fmt: skip

    must_resolve(main())
    run()


def test_async_mapper() -> None:
    # flatMap works on sync/async streams with an asynchronous mapper
    async def twice(x, *_):
        return [x, x]

    async def identity(x, *_):
        return x

    async def main():
        assert await one_to5().flatMap(twice).toArray() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        async_one_to5 = one_to5().map(identity)
        assert await async_one_to5.flatMap(twice).toArray() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]

    must_resolve(main())
    run()


def test_mapper_returns_stream() -> None:
    # flatMap works on a stream where mapping returns a stream
    async def to_stream(x, *_):
        return Readable.from_([x, x])

    async def main():
        result = await one_to5().flatMap(to_stream).toArray()
        assert result == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]

    must_resolve(main())
    run()


async def _sleeper(_, options):
    await sleep(100, {"signal": options["signal"]})


async def _pump(stream):
    async for _item in stream:
        pass  # nope


def test_concurrency_and_abort_signal() -> None:
    ac = AbortController()
    stream = one_to5().flatMap(
        common.mustNotCall(_sleeper), {"signal": ac.signal, "concurrency": 2}
    )
    # pump
    must_resolve(rejects(lambda: _pump(stream), {"name": "AbortError"}))

    queue_microtask(lambda: ac.abort())
    run()


def test_already_aborted_signal() -> None:
    stream = one_to5().flatMap(common.mustNotCall(_sleeper), {"signal": AbortSignal.abort()})
    # pump
    must_resolve(rejects(lambda: _pump(stream), {"name": "AbortError"}))
    run()


def test_error_cases() -> None:
    throws(lambda: Readable.from_([1]).flatMap(1), "ERR_INVALID_ARG_TYPE")
    throws(
        lambda: Readable.from_([1]).flatMap(lambda x, *_: x, {"concurrency": "Foo"}),
        "ERR_OUT_OF_RANGE",
    )
    throws(lambda: Readable.from_([1]).flatMap(lambda x, *_: x, 1), "ERR_INVALID_ARG_TYPE")
    throws(
        lambda: Readable.from_([1]).flatMap(lambda x, *_: x, {"signal": True}),
        "ERR_INVALID_ARG_TYPE",
    )
    run()


def test_result_is_readable() -> None:
    stream = one_to5().flatMap(lambda x, *_: x)
    assert stream.readable is True
    run()


def test_map_not_called() -> None:
    stream = one_to5()
    stream.map = common.mustNotCall()
    # Check that map isn't getting called.
    stream.flatMap(lambda *_: True)
    run()
