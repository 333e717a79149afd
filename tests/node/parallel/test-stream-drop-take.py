"""Port of test/parallel/test-stream-drop-take.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects, throws

from_ = Readable.from_


async def _identity(x, *args):
    return x


def from_async(*args):
    return from_(*args).map(_identity)


def naturals():
    async def gen():
        i = 1
        while True:
            yield i
            i += 1

    return from_(gen())


def test_synchronous_streams() -> None:
    async def main():
        assert await from_([1, 2, 3]).drop(2).toArray() == [3]
        assert await from_([1, 2, 3]).take(1).toArray() == [1]
        assert await from_([]).drop(2).toArray() == []
        assert await from_([]).take(1).toArray() == []
        assert await from_([1, 2, 3]).drop(1).take(1).toArray() == [2]
        assert await from_([1, 2]).drop(0).toArray() == [1, 2]
        assert await from_([1, 2]).take(0).toArray() == []

    must_resolve(main())
    run()


def test_asynchronous_streams() -> None:
    async def main():
        assert await from_async([1, 2, 3]).drop(2).toArray() == [3]
        assert await from_async([1, 2, 3]).take(1).toArray() == [1]
        assert await from_async([]).drop(2).toArray() == []
        assert await from_async([]).take(1).toArray() == []
        assert await from_async([1, 2, 3]).drop(1).take(1).toArray() == [2]
        assert await from_async([1, 2]).drop(0).toArray() == [1, 2]
        assert await from_async([1, 2]).take(0).toArray() == []

    must_resolve(main())
    run()


def test_infinite_streams() -> None:
    async def main():
        assert await naturals().take(1).toArray() == [1]
        assert await naturals().drop(1).take(1).toArray() == [2]
        next10 = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
        assert await naturals().drop(10).take(10).toArray() == next10
        assert await naturals().take(5).take(1).toArray() == [1]

    must_resolve(main())
    run()


def test_take_does_not_pull_more() -> None:
    reached = False
    resolve = None

    def executor(res, rej):
        nonlocal resolve
        resolve = res

    promise = Promise(executor)

    async def gen():
        nonlocal reached
        yield 1
        await promise
        reached = True
        yield 2

    stream = from_(gen())

    def then(*args):
        assert reached is False

    stream.take(1).toArray().then(common.mustCall(then)).finally_(lambda: resolve())
    run()


def test_coercion() -> None:
    async def main():
        # The spec made me do this ^^
        assert await naturals().take("cat").toArray() == []
        assert await naturals().take("2").toArray() == [1, 2]
        assert await naturals().take(True).toArray() == [1]

    must_resolve(main())
    run()


def test_abort_signal() -> None:
    ac = AbortController()
    must_resolve(
        rejects(from_([1, 2, 3]).take(1, {"signal": ac.signal}).toArray(), {"name": "AbortError"})
    )
    must_resolve(
        rejects(from_([1, 2, 3]).drop(1, {"signal": ac.signal}).toArray(), {"name": "AbortError"})
    )
    ac.abort()
    run()


def test_abort_signal_already_aborted() -> None:
    signal = AbortSignal.abort()
    must_resolve(
        rejects(from_([1, 2, 3]).take(1, {"signal": signal}).toArray(), {"name": "AbortError"})
    )
    run()


def test_error_cases() -> None:
    invalid_args = [-1, -float("inf"), -40]

    for example in invalid_args:
        throws(lambda example=example: from_([]).take(example).toArray(), "ERR_OUT_OF_RANGE")

    throws(lambda: from_([1]).drop(1, 1), "ERR_INVALID_ARG_TYPE")
    throws(lambda: from_([1]).drop(1, {"signal": True}), "ERR_INVALID_ARG_TYPE")

    throws(lambda: from_([1]).take(1, 1), "ERR_INVALID_ARG_TYPE")
    throws(lambda: from_([1]).take(1, {"signal": True}), "ERR_INVALID_ARG_TYPE")
    run()
