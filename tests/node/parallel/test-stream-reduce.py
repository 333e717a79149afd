"""Port of test/parallel/test-stream-reduce.js."""

import functools

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects


def sum_(p, c, *_):
    return p + c


_NO_INITIAL = object()

TESTS = [
    ([], sum_, 0),
    ([1], sum_, 0),
    ([1, 2, 3, 4, 5], sum_, 0),
    (list(range(100)), sum_, 0),
    (["a", "b", "c"], sum_, ""),
    ([1, 2], sum_, _NO_INITIAL),
    ([1, 2, 3], lambda x, y, *_: y, _NO_INITIAL),
]


def _array_reduce(values, fn, initial):
    if initial is _NO_INITIAL:
        return functools.reduce(fn, values)
    return functools.reduce(fn, values, initial)


def _stream_reduce(stream, fn, initial):
    if initial is _NO_INITIAL:
        return stream.reduce(fn)
    return stream.reduce(fn, initial)


def test_same_as_array_reduce() -> None:
    async def identity(x, *_):
        return x

    async def main():
        # Does the same thing as `(await stream.toArray()).reduce(...)`
        for values, fn, initial in TESTS:
            stream_reduce = await _stream_reduce(Readable.from_(values), fn, initial)
            array_reduce = _array_reduce(values, fn, initial)
            assert stream_reduce == array_reduce
        # Does the same thing as `(await stream.toArray()).reduce(...)` with an
        # asynchronous reducer
        for values, fn, initial in TESTS:
            stream_reduce = await _stream_reduce(Readable.from_(values).map(identity), fn, initial)
            array_reduce = _array_reduce(values, fn, initial)
            assert stream_reduce == array_reduce

    must_resolve(main())
    run()


def test_async_reducer() -> None:
    # Works with an async reducer, with or without initial value
    async def add(p, c, *_):
        return p + c

    async def with_initial():
        six = await Readable.from_([1, 2, 3]).reduce(add, 0)
        assert six == 6

    async def without_initial():
        six = await Readable.from_([1, 2, 3]).reduce(add)
        assert six == 6

    must_resolve(with_initial())
    must_resolve(without_initial())
    run()


def test_works_lazily() -> None:
    async def reducer(p, c, *_):
        if p == 1:
            raise Exception("boom")
        return c

    must_resolve(
        rejects(
            Readable.from_([1, 2, 3, 4, 5, 6])
            # Two consumed and one buffered by `map` due to default concurrency
            .map(common.mustCall(lambda x, *_: x, 3))
            .reduce(reducer, 0),
            "boom",
        )
    )
    run()


async def _hang_on_3(p, c, *_):
    if c == 3:
        await Promise(lambda resolve, reject: None)  # Explicitly do not pass signal here
    return await Promise.resolve()


def test_abort_signal() -> None:
    ac = AbortController()

    async def block():
        await Readable.from_([1, 2, 3]).reduce(_hang_on_3, 0, {"signal": ac.signal})

    must_resolve(rejects(block, {"name": "AbortError"}))
    ac.abort()
    run()


def test_abort_signal_pre_aborted() -> None:
    stream = Readable.from_([1, 2, 3])

    async def block():
        await stream.reduce(_hang_on_3, 0, {"signal": AbortSignal.abort()})

    async def main():
        await rejects(block, {"name": "AbortError"})
        assert stream.destroyed is True

    must_resolve(main())
    run()


def test_abort_signal_deep() -> None:
    stream = Readable.from_([1, 2, 3])

    async def reducer(p, c, options):
        options["signal"].addEventListener("abort", common.mustCall(), {"once": True})
        if c == 3:
            await Promise(lambda resolve, reject: None)  # Explicitly do not pass signal here
        return await Promise.resolve()

    async def block():
        await stream.reduce(reducer, 0, {"signal": AbortSignal.abort()})

    async def main():
        await rejects(block, {"name": "AbortError"})
        assert stream.destroyed is True

    must_resolve(main())
    run()


def test_error_cases() -> None:
    must_resolve(rejects(lambda: Readable.from_([]).reduce(1), "TypeError"))
    must_resolve(rejects(lambda: Readable.from_([]).reduce("5"), "TypeError"))
    must_resolve(rejects(lambda: Readable.from_([]).reduce(sum_, 0, 1), "ERR_INVALID_ARG_TYPE"))
    must_resolve(
        rejects(
            lambda: Readable.from_([]).reduce(sum_, 0, {"signal": True}),
            "ERR_INVALID_ARG_TYPE",
        )
    )
    run()


def test_result_is_promise() -> None:
    result = Readable.from_([1, 2, 3, 4, 5]).reduce(sum_, 0)
    assert isinstance(result, Promise)
    run()
