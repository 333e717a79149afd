"""Port of test/parallel/test-stream-compose-operator.js."""

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.stream import Readable, Transform
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects, throws


async def _drain_checking(stream, result):
    async for item in stream:
        assert item == result.pop(0)


async def _must_not_yield(stream):
    async for item in stream:
        raise AssertionError("should not reach here, got " + repr(item))


def test_async_generator() -> None:
    # with async generator
    async def pairs(stream):
        s = ""
        async for chunk in stream:
            s += chunk

            if len(s) == 2:
                yield s
                s = ""

    stream = Readable.from_(["a", "b", "c", "d"]).compose(pairs)
    must_resolve(_drain_checking(stream, ["ab", "cd"]))
    run()


def test_transformer() -> None:
    # With Transformer
    stream = Readable.from_(["a", "b", "c", "d"]).compose(
        Transform(
            {
                "objectMode": True,
                "transform": common.mustCall(
                    lambda chunk, encoding, callback: callback(None, chunk), 4
                ),
            }
        )
    )
    must_resolve(_drain_checking(stream, ["a", "b", "c", "d"]))
    run()


def test_throw_before_waiting_for_data() -> None:
    # Throwing an error during `compose` (before waiting for data)
    async def gen(stream):
        raise Exception("boom")
        yield  # an async generator

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(gen)
    must_resolve(rejects(lambda: _must_not_yield(stream), "boom"))
    run()


def test_throw_when_waiting_for_data() -> None:
    # Throwing an error during `compose` (when waiting for data)
    async def gen(stream):
        async for chunk in stream:
            if chunk == 3:
                raise Exception("boom")
            yield chunk

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(gen)
    must_resolve(rejects(stream.toArray(), "boom"))
    run()


def test_throw_after_all_data() -> None:
    # Throwing an error during `compose` (after finishing all readable data)
    async def gen(stream):
        async for _chunk in stream:
            pass
        raise Exception("boom")
        yield  # an async generator

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(gen)
    must_resolve(rejects(stream.toArray(), "boom"))
    run()


def test_abort_signal() -> None:
    ac = AbortController()

    async def gen(source):
        # Should not reach here
        async for chunk in source:
            yield chunk

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(gen, {"signal": ac.signal})

    ac.abort()

    must_resolve(rejects(lambda: _must_not_yield(stream), {"name": "AbortError"}))
    run()


def test_compose_readable_is_invalid() -> None:
    throws(
        lambda: Readable.from_(["a"]).compose(Readable.from_(["b"])),
        {"code": "ERR_INVALID_ARG_VALUE"},
    )
    run()


def test_compose_nothing_is_invalid() -> None:
    throws(lambda: Readable.from_(["a"]).compose(), {"code": "ERR_INVALID_ARG_TYPE"})
    run()
