"""Port of test/parallel/test-stream-readable-async-iterators.js (the Readable blocks).

``readable[Symbol.asyncIterator]()`` is ``readable.__aiter__()``; ``for await`` is
``async for`` in a coroutine run by ``nodenet_uv.run``. Ported: the blocks that exercise
Readable itself (v1-stream wrapping, next() without for-await, errors, destroy, push
async, ended streams). Not ported: the blocks that need http, fs or pipeline/Transform
interplay beyond Readable.
"""

from nodenet_uv import run
from nodenet_uv._internal.promise import Promise
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Stream
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_v1_stream() -> None:
    async def main():
        stream = Stream()
        stream.destroy = common.mustCall()

        def later():
            stream.emit("data", "hello")
            stream.emit("data", "world")
            stream.emit("end")

        next_tick(later)

        res = ""
        async for d in Readable.__aiter__(stream):
            res += d
        assert res == "helloworld"

    run(main())


def test_v1_stream_error() -> None:
    async def main():
        stream = Stream()
        stream.close = common.mustCall()

        def later():
            stream.emit("data", 0)
            stream.emit("data", 1)
            stream.emit("error", Exception("asd"))

        next_tick(later)

        it = Readable.__aiter__(stream)

        def on_err(err):
            assert str(err) == "asd"

        await it.next().then(common.mustNotCall()).catch(common.mustCall(on_err))

    run(main())


def test_next_then_async_for() -> None:
    async def main():
        readable = Readable(objectMode=True, read=lambda n: None)
        readable.push(0)
        readable.push(1)
        readable.push(None)

        it = readable.__aiter__()
        assert (await it.next())["value"] == 0
        async for d in it:
            assert d == 1

    run(main())


def test_read_without_for_await() -> None:
    async def main():
        max_ = 5
        readable = Readable(objectMode=True, read=lambda n: None)

        it = readable.__aiter__()
        assert it.stream is readable
        values = [it.next() for _ in range(max_)]

        def check(values):
            for i, item in enumerate(values):
                assert item["value"] == f"hello-{i}"

        Promise.all(values).then(common.mustCall(check))

        for i in range(5):
            readable.push(f"hello-{i}")
        readable.push(None)

        last = await it.next()
        assert last["done"] is True

    run(main())


def test_read_without_for_await_deferred() -> None:
    async def main():
        readable = Readable(objectMode=True, read=lambda n: None)

        it = readable.__aiter__()
        assert it.stream is readable
        values = [it.next() for _ in range(3)]

        readable.push("hello-0")
        readable.push("hello-1")
        readable.push("hello-2")

        results1 = await Promise.all(values)
        assert [r["value"] for r in results1] == ["hello-0", "hello-1", "hello-2"]

        values = [it.next() for _ in range(2)]

        readable.push("hello-3")
        readable.push("hello-4")
        readable.push(None)

        results2 = await Promise.all(values)
        assert [r["value"] for r in results2] == ["hello-3", "hello-4"]

        last = await it.next()
        assert last["done"] is True

    run(main())


def test_read_without_for_await_with_errors() -> None:
    async def main():
        max_ = 3
        readable = Readable(objectMode=True, read=lambda n: None)

        it = readable.__aiter__()
        assert it.stream is readable
        values = [it.next() for _ in range(max_)]
        errors = [it.next() for _ in range(2)]

        readable.push("hello-0")
        readable.push("hello-1")
        readable.push("hello-2")

        resolved = await Promise.all(values)
        assert [r["value"] for r in resolved] == ["hello-0", "hello-1", "hello-2"]

        def on_err(err):
            assert str(err) == "kaboom"

        errors[0].catch(common.mustCall(on_err))

        def on_done(res):
            assert res["done"] is True
            assert res["value"] is None

        errors[1].then(common.mustCall(on_done))

        readable.destroy(Exception("kaboom"))

    run(main())


def test_next_after_error() -> None:
    async def main():
        readable = Readable(read=lambda n: None)
        it = readable.__aiter__()
        err = Exception("kaboom")
        readable.destroy(err)
        try:
            await it.next()
        except Exception as e:
            assert e is err
        else:
            raise AssertionError("next() should reject")

    run(main())


def test_read_object_mode() -> None:
    async def main():
        max_ = 42
        readed = 0
        received = 0

        def read(n):
            nonlocal readed
            readable.push("hello")
            readed += 1
            if readed == max_:
                readable.push(None)

        readable = Readable(objectMode=True, read=read)

        async for k in readable:
            received += 1
            assert k == "hello"

        assert readed == received

    run(main())


def test_destroy_sync() -> None:
    async def main():
        readable = Readable(
            objectMode=True, read=lambda n: readable.destroy(Exception("kaboom from read"))
        )
        err = None
        try:
            async for _k in readable:
                pass
        except Exception as e:
            err = e
        assert str(err) == "kaboom from read"

    run(main())


def test_destroy_async() -> None:
    async def main():
        pushed = False

        def read(n):
            nonlocal pushed
            if not pushed:
                readable.push("hello")
                pushed = True
                setImmediate(lambda: readable.destroy(Exception("kaboom")))

        readable = Readable(objectMode=True, read=read)

        received = 0
        err = None
        try:
            async for _k in readable:
                received += 1
        except Exception as e:
            err = e
        assert str(err) == "kaboom"
        assert received == 1

    run(main())


def test_destroyed_by_throw() -> None:
    async def main():
        readable = Readable(objectMode=True, read=lambda n: readable.push("hello"))
        err = None
        try:
            async for k in readable:
                assert k == "hello"
                raise Exception("kaboom")
        except Exception as e:
            err = e
        assert str(err) == "kaboom"
        assert readable.destroyed is True

    run(main())


def test_destroyed_sync_after_push() -> None:
    async def main():
        def read(n):
            readable.push("hello")
            readable.destroy(Exception("kaboom"))

        readable = Readable(objectMode=True, read=read)

        received = 0
        err = None
        try:
            async for k in readable:
                assert k == "hello"
                received += 1
        except Exception as e:
            err = e
        assert str(err) == "kaboom"
        assert received == 1

    run(main())


def test_destroyed_will_not_deadlock() -> None:
    readable = Readable()
    readable.destroy()

    async def later():
        readable.on("close", common.mustNotCall())
        received = 0
        err = None
        try:
            async for k in readable:
                # Just make linting pass. This should never run.
                assert k == "hello"
                received += 1
        except Exception as e:
            err = e
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"
        assert received == 0

    done = common.mustCall()

    def start():
        from nodenet_uv._internal.promise import spawn

        spawn(later()).then(lambda _v: done())

    next_tick(start)
    run()


def test_push_async() -> None:
    async def main():
        max_ = 42
        readed = 0
        received = 0

        def read(n):
            def later():
                nonlocal readed
                readable.push("hello")
                readed += 1
                if readed == max_:
                    readable.push(None)

            setImmediate(later)

        readable = Readable(objectMode=True, read=read)

        async for k in readable:
            received += 1
            assert k == "hello"

        assert readed == received

    run(main())


def test_push_binary_async() -> None:
    async def main():
        max_ = 42
        readed = 0

        def read(n):
            def later():
                nonlocal readed
                readable.push("hello")
                readed += 1
                if readed == max_:
                    readable.push(None)

            setImmediate(later)

        readable = Readable(read=read)

        expected = []
        readable.setEncoding("utf8")
        readable.pause()
        readable.on("data", lambda chunk: expected.append(chunk))

        data = ""
        async for k in readable:
            data += k

        assert data == "".join(expected)

    run(main())


def test_next_on_destroyed_stream() -> None:
    async def main():
        readable = Readable(read=lambda n: None)
        readable.destroy()

        it = readable.__aiter__()
        nxt = it.next()
        nxt.then(common.mustNotCall()).catch(
            common.mustCall(lambda err: _eq(err.code, "ERR_STREAM_PREMATURE_CLOSE"))
        )

    run(main())


def test_iterating_ended_stream_completes() -> None:
    async def main():
        def read(n):
            r.push("asdf")
            r.push("hehe")
            r.push(None)

        r = Readable(objectMode=True, read=read)
        async for _a in r:
            pass
        async for _b in r:
            pass

    run(main())


def _eq(a, b):
    assert a == b
