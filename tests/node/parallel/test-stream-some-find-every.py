"""Port of test/parallel/test-stream-some-find-every.mjs."""

import pytest

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.errors import AbortError
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects
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


def one_to5_async():
    async def identity(x, *_):
        await Promise.resolve()
        return x

    return one_to5().map(identity)


def _sync(pred):
    return lambda x=None, *_: pred(x)


def _async(pred):
    async def predicate(x=None, *_):
        return pred(x)

    return predicate


SOURCES = pytest.mark.parametrize(
    ("source", "wrap"),
    [
        # Some, find, and every work with a synchronous stream and predicate
        (one_to5, _sync),
        # ... with an asynchronous stream and synchronous predicate
        (one_to5_async, _sync),
        # ... on synchronous streams with an asynchronous predicate
        (one_to5, _async),
        # ... on asynchronous streams with an asynchronous predicate
        (one_to5_async, _async),
    ],
    ids=["sync-sync", "async-sync", "sync-async", "async-async"],
)


@SOURCES
def test_some_find_every(source, wrap) -> None:
    async def main():
        assert await source().some(wrap(lambda x: x > 3)) is True
        assert await source().every(wrap(lambda x: x > 3)) is False
        assert await source().find(wrap(lambda x: x > 3)) == 4
        assert await source().some(wrap(lambda x: x > 6)) is False
        assert await source().every(wrap(lambda x: x < 6)) is True
        assert await source().find(wrap(lambda x: x > 6)) is None
        if source is one_to5 and wrap is _sync:
            assert await Readable.from_([]).some(lambda *_: True) is False
            assert await Readable.from_([]).every(lambda *_: True) is True
            assert await Readable.from_([]).find(lambda *_: True) is None

    must_resolve(main())
    run()


async def check_destroyed(stream):
    await sleep(1)
    assert stream.destroyed is True


@pytest.mark.parametrize(
    ("source", "wrap"), [(one_to5, _sync), (one_to5_async, _async)], ids=["sync", "async"]
)
def test_short_circuit(source, wrap) -> None:
    async def main():
        # Some, find, and every short circuit
        some_stream = source()
        await some_stream.some(common.mustCall(wrap(lambda x: x > 2), 3))
        await check_destroyed(some_stream)

        every_stream = source()
        await every_stream.every(common.mustCall(wrap(lambda x: x < 3), 3))
        await check_destroyed(every_stream)

        find_stream = source()
        await find_stream.find(common.mustCall(wrap(lambda x: x > 1), 2))
        await check_destroyed(find_stream)

        # When short circuit isn't possible the whole stream is iterated
        await source().some(common.mustCall(wrap(lambda x: False), 5))
        await source().every(common.mustCall(wrap(lambda x: True), 5))
        await source().find(common.mustCall(wrap(lambda x: False), 5))

    must_resolve(main())
    run()


def test_concurrency_does_not_affect_found_value() -> None:
    async def pred(val, *_):
        if val == 1:
            await sleep(100)
        return True

    async def main():
        found = await Readable.from_([1, 2]).find(pred, {"concurrency": 2})
        assert found == 1

    must_resolve(main())
    run()


OPS = pytest.mark.parametrize("op", ["some", "every", "find"])


def _never(*_):
    return Promise(lambda resolve, reject: None)


@OPS
def test_abort_signal(op) -> None:
    ac = AbortController()
    must_resolve(
        rejects(
            getattr(Readable.from_([1, 2, 3]), op)(_never, {"signal": ac.signal}),
            {"name": "AbortError"},
        )
    )
    ac.abort()

    # Support for pre-aborted AbortSignal
    must_resolve(
        rejects(
            getattr(Readable.from_([1, 2, 3]), op)(_never, {"signal": AbortSignal.abort()}),
            {"name": "AbortError"},
        )
    )
    run()


@OPS
def test_error_cases(op) -> None:
    async def invalid_function():
        await getattr(Readable.from_([1]), op)(1)

    async def invalid_concurrency():
        await getattr(Readable.from_([1]), op)(lambda x, *_: x, {"concurrency": "Foo"})

    async def invalid_options():
        await getattr(Readable.from_([1]), op)(lambda x, *_: x, 1)

    async def invalid_signal():
        await getattr(Readable.from_([1]), op)(lambda x, *_: x, {"signal": True})

    must_resolve(rejects(invalid_function, "ERR_INVALID_ARG_TYPE"))
    must_resolve(rejects(invalid_concurrency, "ERR_OUT_OF_RANGE"))
    must_resolve(rejects(invalid_options, "ERR_INVALID_ARG_TYPE"))
    must_resolve(rejects(invalid_signal, "ERR_INVALID_ARG_TYPE"))
    run()


@OPS
def test_map_not_called(op) -> None:
    stream = one_to5()
    stream.map = common.mustNotCall()
    # Check that map isn't getting called.
    getattr(stream, op)(lambda *_: None)
    run()
