"""Port of test/parallel/test-stream-pipeline.js.

Left out: the blocks that pipe to or from http requests/responses (http is not part of
nodenet_uv) and the fs.createReadStream/createWriteStream block (ERR_STREAM_UNABLE_TO_PIPE
into a closed fs write stream: no fs streams); the two net echo-server blocks are ported. ``promisify(pipeline)`` is
stream/promises ``pipeline`` (what Node's util.promisify returns for it, through its
custom-promisify getter). ``timers/promises`` ``setTimeout(delay, value)`` (one block) is a
small timeout promise written here: nodenet_uv has no timers/promises.
"""

import pytest

from nodenet_uv import net, run
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.process import process
from nodenet_uv.stream import (
    Duplex,
    PassThrough,
    Readable,
    Stream,
    Transform,
    Writable,
    addAbortSignal,
    pipeline,
)
from nodenet_uv.stream import promises as stream_promises
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate, setTimeout

pipelinep = stream_promises.pipeline
pipelinePromise = stream_promises.pipeline


def _is_error(err, message):
    # assert.deepStrictEqual(err, new Error(message))
    assert type(err) is Exception, repr(err)
    assert str(err) == message


def _kaboom(err, *_):
    _is_error(err, "kaboom")


def _message_kaboom(err, *_):
    assert str(err) == "kaboom"


def _abort_error(err):
    assert err.name == "AbortError"


def _noop_readable(**kw):
    return Readable({"read": lambda n=None: None, **kw})


def _ok_writable(**kw):
    return Writable({"write": lambda data, enc, cb: cb(), **kw})


def _collecting_writable():
    box = {"res": ""}

    def write(chunk, encoding, callback):
        box["res"] += chunk.decode()
        callback()

    return Writable({"write": write}), box


def test_basic() -> None:
    finished = False
    processed = []
    expected = [b"a", b"b", b"c"]

    read = _noop_readable()

    def write_fn(data, enc, cb):
        processed.append(data)
        cb()

    write = Writable({"write": write_fn})

    def on_finish():
        nonlocal finished
        finished = True

    write.on("finish", on_finish)

    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def done():
        assert finished
        assert processed == expected

    pipeline(read, write, common.mustSucceed(done))
    run()


def test_argument_errors() -> None:
    read = _noop_readable()

    with pytest.raises(Exception) as info:
        pipeline(read, lambda: None)
    common.check_error(info.value, {"code": "ERR_MISSING_ARGS"})
    with pytest.raises(Exception) as info:
        pipeline(lambda: None)
    common.check_error(info.value, {"code": "ERR_MISSING_ARGS"})
    with pytest.raises(Exception) as info:
        pipeline()
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})


def test_source_destroyed() -> None:
    read = _noop_readable()
    write = _ok_writable()

    read.push("data")
    setImmediate(lambda: read.destroy())

    def done(err):
        assert err, "should have an error"

    pipeline(read, write, common.mustCall(done))
    run()


def test_source_destroyed_with_error() -> None:
    read = _noop_readable()
    write = _ok_writable()

    read.push("data")
    setImmediate(lambda: read.destroy(Exception("kaboom")))

    dst = pipeline(read, write, common.mustCall(_kaboom))

    assert dst is write
    run()


def test_transform_error() -> None:
    read = _noop_readable()
    transform = Transform({"transform": lambda data, enc, cb: cb(Exception("kaboom"))})
    write = _ok_writable()

    read.on("close", common.mustCall())
    transform.on("close", common.mustCall())
    write.on("close", common.mustCall())

    for stream in (read, transform, write):
        stream.on("error", common.mustCall(_kaboom))

    dst = pipeline(read, transform, write, common.mustCall(_kaboom))

    assert dst is write

    read.push("hello")
    run()


# Four http blocks (a Readable piped into a server response; the response destroyed by
# the client; a response piped into a failing sink; a request piped into the response and
# a Readable into the request): not ported (http).


def test_many_transforms_error() -> None:
    def make_transform():
        tr = Transform({"transform": lambda data, enc, cb: cb(None, data)})

        tr.on("close", common.mustCall())
        return tr

    rs = Readable({"read": lambda n=None: rs.push("hello")})

    cnt = 10

    def write_fn(data, enc, cb):
        nonlocal cnt
        cnt -= 1
        if cnt == 0:
            return cb(Exception("kaboom"))
        cb()

    ws = Writable({"write": write_fn})

    rs.on("close", common.mustCall())
    ws.on("close", common.mustCall())

    pipeline(
        rs,
        make_transform(),
        make_transform(),
        make_transform(),
        make_transform(),
        make_transform(),
        make_transform(),
        ws,
        common.mustCall(_kaboom),
    )
    run()


def _old_stream(destroyable=False):
    old_stream = Stream()

    old_stream.pause = old_stream.resume = lambda: None

    def write(data):
        old_stream.emit("data", data)
        return True

    old_stream.write = write
    old_stream.end = lambda: old_stream.emit("end")
    if destroyable:
        old_stream.destroy = common.mustCall(lambda: old_stream.emit("close"))
    return old_stream


def test_legacy_stream_in_the_middle() -> None:
    old_stream = _old_stream()

    expected = [b"hello", b"world"]

    def read(n=None):
        for chunk in expected:
            rs.push(chunk)
        rs.push(None)

    rs = Readable({"read": read})

    def write_fn(data, enc, cb):
        assert data == expected.pop(0)
        cb()

    ws = Writable({"write": write_fn})

    finished = False

    def on_finish():
        nonlocal finished
        finished = True

    ws.on("finish", on_finish)

    def done():
        assert finished, "last stream finished"

    pipeline(rs, old_stream, ws, common.mustSucceed(done))
    run()


def test_destroyable_legacy_stream() -> None:
    old_stream = _old_stream()
    destroyable_old_stream = _old_stream(destroyable=True)

    rs = Readable({"read": lambda n=None: rs.destroy(Exception("stop"))})
    ws = _ok_writable()

    finished = False

    def on_finish():
        nonlocal finished
        finished = True

    ws.on("finish", on_finish)

    def done(err):
        _is_error(err, "stop")
        assert not finished, "should not finish"

    pipeline(rs, old_stream, destroyable_old_stream, ws, common.mustCall(done))
    run()


def test_promisified() -> None:
    async def main():
        read = _noop_readable()
        write = _ok_writable()

        read.push("data")
        read.push(None)

        finished = False

        def on_finish():
            nonlocal finished
            finished = True

        write.on("finish", on_finish)

        await pipelinePromise(read, write)

        assert finished

    spawn(main())
    run()


def test_aborted_signal_without_values() -> None:
    # Check aborted signal without values
    async def main():
        ac = AbortController()
        signal = ac.signal

        async def producer():
            ac.abort()
            await Promise.resolve()
            yield "8"

        w = _ok_writable()
        await pipelinePromise(producer, w, {"signal": signal})

    spawn(main()).then(common.mustNotCall(), _abort_error).then(common.mustCall())
    run()


def test_aborted_signal_after_init() -> None:
    # Check aborted signal after init.
    async def main():
        ac = AbortController()
        signal = ac.signal

        async def producer():
            yield "5"
            await Promise.resolve()
            ac.abort()
            await Promise.resolve()
            yield "8"

        w = _ok_writable()
        await pipelinePromise(producer, w, {"signal": signal})

    spawn(main()).then(common.mustNotCall(), _abort_error).then(common.mustCall())
    run()


def test_pre_aborted_signal() -> None:
    # Check pre-aborted signal
    async def main():
        signal = AbortSignal.abort()

        async def producer():
            yield "5"
            await Promise.resolve()
            yield "8"

        w = _ok_writable()
        await pipelinePromise(producer, w, {"signal": signal})

    spawn(main()).then(common.mustNotCall(), _abort_error).then(common.mustCall())
    run()


def test_missing_callback() -> None:
    read = _noop_readable()
    transform = Transform({"transform": lambda data, enc, cb: cb(Exception("kaboom"))})
    write = _ok_writable()

    with pytest.raises(Exception) as info:
        pipeline(read, transform, write)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})


# http: a response piped into a PassThrough destroyed with 'oh no': not ported (http).


def _hello_world_gen():
    yield "hello"
    yield "world"


async def _hello_world_async_gen():
    await Promise.resolve()
    yield "hello"
    yield "world"


def test_generator_object_source() -> None:
    w, box = _collecting_writable()

    def done():
        assert box["res"] == "helloworld"

    pipeline(_hello_world_gen(), w, common.mustSucceed(done))
    run()


def test_async_generator_object_source() -> None:
    w, box = _collecting_writable()

    def done():
        assert box["res"] == "helloworld"

    pipeline(_hello_world_async_gen(), w, common.mustSucceed(done))
    run()


def test_generator_function_source() -> None:
    w, box = _collecting_writable()

    def done():
        assert box["res"] == "helloworld"

    pipeline(_hello_world_gen, w, common.mustSucceed(done))
    run()


def test_async_generator_function_source() -> None:
    w, box = _collecting_writable()

    def done():
        assert box["res"] == "helloworld"

    pipeline(_hello_world_async_gen, w, common.mustSucceed(done))
    run()


async def _upper(source):
    async for chunk in source:
        yield chunk.upper()


def test_async_function_destination() -> None:
    res = ""

    async def consume(source):
        nonlocal res
        async for chunk in source:
            res += chunk

    def done():
        assert res == "HELLOWORLD"

    pipeline(_hello_world_async_gen, _upper, consume, common.mustSucceed(done))
    run()


def test_async_function_destination_value() -> None:
    async def consume(source):
        ret = ""
        async for chunk in source:
            ret += chunk
        return ret

    def done(val):
        assert val == "HELLOWORLD"

    pipeline(_hello_world_async_gen, _upper, consume, common.mustSucceed(done))
    run()


def test_async_iterable_destination_returned() -> None:
    # AsyncIterable destination is returned and finalizes.

    async def source():
        await Promise.resolve()
        yield "hello"

    async def sink(source):
        async for _chunk in source:
            pass
        return
        yield

    def done(err):
        assert err is None

    ret = pipeline(source, sink, common.mustCall(done))
    ret.resume()
    assert callable(ret.pipe)
    run()


def test_async_iterable_destination_error_propagated() -> None:
    # AsyncFunction destination is not returned and error is
    # propagated.

    async def source():
        await Promise.resolve()
        raise Exception("kaboom")
        yield

    async def sink(source):
        async for _chunk in source:
            pass
        return
        yield

    ret = pipeline(source, sink, common.mustCall(_message_kaboom))
    ret.resume()
    assert callable(ret.pipe)
    run()


def _destroyed_kaboom(s):
    def check(err, val=None):
        assert str(err) == "kaboom"
        assert s.destroyed is True

    return check


async def _throwing_async_gen():
    raise Exception("kaboom")
    yield


def _throwing_gen():
    raise Exception("kaboom")
    yield


def test_throwing_async_generator_function() -> None:
    s = PassThrough()
    pipeline(_throwing_async_gen, s, common.mustCall(_destroyed_kaboom(s)))
    run()


def test_throwing_async_generator_object() -> None:
    s = PassThrough()
    pipeline(_throwing_async_gen(), s, common.mustCall(_destroyed_kaboom(s)))
    run()


def test_throwing_generator_function() -> None:
    s = PassThrough()
    pipeline(_throwing_gen, s, common.mustCall(_destroyed_kaboom(s)))
    run()


def test_throwing_generator_object() -> None:
    s = PassThrough()
    pipeline(_throwing_gen(), s, common.mustCall(_destroyed_kaboom(s)))
    run()


def test_throwing_async_function_destination() -> None:
    s = PassThrough()

    async def consume(source):
        async for _chunk in source:
            raise Exception("kaboom")

    pipeline(_hello_world_async_gen, s, consume, common.mustCall(_destroyed_kaboom(s)))
    run()


def test_array_source_throwing_async_generator_destination() -> None:
    s = PassThrough()

    async def sink(source):
        async for _chunk in source:
            raise Exception("kaboom")
        yield

    ret = pipeline(lambda: ["hello", "world"], s, sink, common.mustCall(_destroyed_kaboom(s)))
    ret.resume()
    assert callable(ret.pipe)
    run()


def test_legacy_stream_without_async_iterator() -> None:
    # Legacy streams without async iterator.

    s = PassThrough()
    s.push("asd")
    s.push(None)
    # s[Symbol.asyncIterator] = null
    s.__aiter__ = None
    ret = ""

    async def consume(source):
        nonlocal ret
        async for chunk in source:
            ret += chunk.decode()

    def done(err):
        assert err is None
        assert ret == "asd"

    pipeline(s, consume, common.mustCall(done))
    run()


def test_v1_stream_without_read() -> None:
    # v1 streams without read().

    s = Stream()

    def later():
        s.emit("data", "asd")
        s.emit("end")

    process.nextTick(later)
    # 'destroyer' can be called multiple times,
    # once from stream wrapper and
    # once from iterator wrapper.
    s.close = common.mustCallAtLeast(1)
    ret = ""

    async def consume(source):
        nonlocal ret
        async for chunk in source:
            ret += chunk

    def done(err):
        assert err is None
        assert ret == "asd"

    pipeline(s, consume, common.mustCall(done))
    run()


def test_v1_error_stream_without_read() -> None:
    # v1 error streams without read().

    s = Stream()
    process.nextTick(lambda: s.emit("error", Exception("kaboom")))
    s.destroy = common.mustCall()

    async def consume(source):
        pass

    pipeline(s, consume, common.mustCall(_message_kaboom))
    run()


def _invalid_return_value(s, *streams):
    with pytest.raises(Exception) as info:
        pipeline(*streams, lambda *_: None)
    assert info.value.code == "ERR_INVALID_RETURN_VALUE"
    assert s.destroyed is False


def test_source_function_returns_nothing() -> None:
    s = PassThrough()

    def source(source):
        pass

    _invalid_return_value(s, source, s)


def test_transform_function_returns_nothing() -> None:
    s = PassThrough()

    def transform(source):
        pass

    _invalid_return_value(s, s, transform, s)


def test_destination_function_returns_nothing() -> None:
    s = PassThrough()

    def destination(source):
        pass

    _invalid_return_value(s, s, destination)


def test_destination_sync_generator() -> None:
    s = PassThrough()

    def destination(source):
        return
        yield

    _invalid_return_value(s, s, destination)


def test_transform_error_async_consumer() -> None:
    res = ""

    async def consume(source):
        nonlocal res
        async for chunk in source:
            res += chunk

    def done(err):
        assert str(err) == "kaboom"
        assert res == ""

    pipeline(
        _hello_world_async_gen,
        Transform({"transform": lambda chunk, encoding, cb: cb(Exception("kaboom"))}),
        consume,
        common.mustCall(done),
    )
    run()


def test_transform_async_error_async_consumer() -> None:
    res = ""

    async def consume(source):
        nonlocal res
        async for chunk in source:
            res += chunk

    def done(err):
        assert str(err) == "kaboom"
        assert res == ""

    pipeline(
        _hello_world_async_gen,
        Transform(
            {"transform": lambda chunk, encoding, cb: process.nextTick(cb, Exception("kaboom"))}
        ),
        consume,
        common.mustCall(done),
    )
    run()


def test_transform_decode_strings_false() -> None:
    res = ""

    async def consume(source):
        nonlocal res
        async for chunk in source:
            res += chunk.decode()

    def done():
        assert res == "HELLOWORLD"

    pipeline(
        _hello_world_async_gen,
        Transform(
            {
                "decodeStrings": False,
                "transform": lambda chunk, encoding, cb: cb(None, chunk.upper()),
            }
        ),
        consume,
        common.mustSucceed(done),
    )
    run()


def test_no_unhandled_rejection_from_async_function() -> None:
    # Ensure no unhandled rejection from async function.

    async def source():
        yield "hello"

    async def consume(source):
        raise Exception("kaboom")

    pipeline(source, consume, common.mustCall(_message_kaboom))
    run()


def test_no_auto_destroy() -> None:
    src = PassThrough({"autoDestroy": False})
    dst = PassThrough({"autoDestroy": False})

    def done(*_):
        assert src.destroyed is False
        assert dst.destroyed is False

    pipeline(src, dst, common.mustCall(done))
    src.end()
    run()


def test_close_before_end_after_eof() -> None:
    # Make sure 'close' before 'end' finishes without error
    # if readable has received eof.
    # Ref: https://github.com/nodejs/node/issues/29699
    r = Readable()
    w = _ok_writable()

    def done(err, *_):
        assert err is None

    pipeline(r, w, done)
    r.push("asd")
    r.push(None)
    r.emit("close")
    run()


# http: a PassThrough piped into a client request: not ported (http).


def test_duplex_destination_not_destroyed() -> None:
    src = PassThrough()
    dst = PassThrough()

    def done():
        assert dst.destroyed is False

    pipeline(src, dst, common.mustSucceed(done))
    src.end()
    run()


def test_duplex_destination_not_readable_destroyed() -> None:
    src = PassThrough()
    dst = PassThrough()
    dst.readable = False

    def done():
        assert dst.destroyed is True

    pipeline(src, dst, common.mustSucceed(done))
    src.end()
    run()


def test_throwing_async_generator_then_writable() -> None:
    res = ""

    def read(n=None):
        setImmediate(lambda: rs.push("hello"))

    rs = Readable({"read": read})
    ws = Writable({"write": common.mustNotCall()})

    async def thrower(stream):
        async for _chunk in stream:
            raise Exception("kaboom")
        yield

    async def collect(source):
        nonlocal res
        async for chunk in source:
            res += chunk
        return
        yield

    def done(err):
        assert str(err) == "kaboom"
        assert res == ""

    pipeline(rs, thrower, collect, ws, common.mustCall(done))
    run()


# http: a server request piped into a PassThrough: not ported (http).


def test_duplex_source_writable_side_usable() -> None:
    # Might still want to be able to use the writable side
    # of src. This is in the case where e.g. the Duplex input
    # is not directly connected to its output. Such a case could
    # happen when the Duplex is reading from a socket and then echos
    # the data back on the same socket.
    src = PassThrough()
    assert src.writable is True
    dst = PassThrough()

    def done(err):
        assert src.writable is True
        assert src.destroyed is False

    pipeline(src, dst, common.mustCall(done))
    src.push(None)
    run()


def test_destination_destroyed_premature_close() -> None:
    src = PassThrough()

    async def passthrough(source):
        async for chunk in source:
            yield chunk

    def done(err):
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"

    dst = pipeline(src, passthrough, common.mustCall(done))
    src.push("asd")
    dst.destroy()
    run()


def test_objects_from_async_generators() -> None:
    async def source():
        yield "asd"

    async def wrap(source):
        async for chunk in source:
            yield {"chunk": chunk}

    pipeline(source, wrap, common.mustSucceed())
    run()


def test_waits_for_source_close() -> None:
    closed = False
    src = Readable({"read": lambda n=None: None, "destroy": lambda err, cb: process.nextTick(cb)})
    dst = _ok_writable()

    def on_close():
        nonlocal closed
        closed = True

    src.on("close", on_close)
    src.push(None)

    def done(err):
        assert closed is True

    pipeline(src, dst, common.mustCall(done))
    run()


def test_waits_for_source_close_duplex_destination() -> None:
    closed = False
    src = Readable({"read": lambda n=None: None, "destroy": lambda err, cb: process.nextTick(cb)})
    dst = Duplex({})

    def on_close():
        nonlocal closed
        closed = True

    src.on("close", common.mustCall(on_close))
    src.push(None)

    def done(err):
        assert closed is True

    pipeline(src, dst, common.mustCall(done))
    run()


def _echo_server_test():
    def on_connection(socket):
        # echo server
        pipeline(socket, socket, common.mustSucceed())
        # 13 force destroys the socket before it has a chance to emit finish
        socket.on("finish", common.mustCall(lambda: server.close()))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening():
        socket = net.connect(server.address()["port"])
        socket.end()

    server.listen(0, common.mustCall(on_listening))
    run()


def test_net_echo_server() -> None:
    _echo_server_test()


def _final_not_destroyed_test():
    def write(data, enc, cb):
        d.push(data)
        cb()

    def final(cb):
        def later():
            assert d.destroyed is False
            cb()

        setTimeout(later, 1000)

    d = Duplex(
        {
            "autoDestroy": False,
            "write": common.mustCall(write),
            "read": common.mustCall(lambda: d.push(None)),
            "final": common.mustCall(final),
            # `destroy()` won't be invoked by pipeline since
            # the writable side has not completed when
            # the pipeline has completed.
            "destroy": common.mustNotCall(),
        }
    )

    sink = Writable({"write": common.mustCall(lambda data, enc, cb: cb())})

    pipeline(d, sink, common.mustSucceed())

    d.write("test")
    d.end()
    run()


def test_duplex_final_not_destroyed() -> None:
    _final_not_destroyed_test()


def test_net_echo_server_again() -> None:
    _echo_server_test()


def test_duplex_final_not_destroyed_again() -> None:
    _final_not_destroyed_test()


def test_array_of_streams() -> None:
    r = _noop_readable()
    r.push("hello")
    r.push("world")
    r.push(None)
    w, box = _collecting_writable()

    def done():
        assert box["res"] == "helloworld"

    pipeline([r, w], common.mustSucceed(done))
    run()


def test_waits_for_flush() -> None:
    flushed = False

    def flush(cb):
        def later():
            nonlocal flushed
            flushed = True
            cb(None)

        setTimeout(later, 1)

    def make_stream():
        return Transform(
            {
                "transform": lambda chunk, enc, cb: cb(None, chunk),
                "flush": flush,
            }
        )

    input = Readable()
    input.push(None)

    def done(*_):
        assert flushed is True

    pipeline(input, make_stream(), common.mustCall(done))
    run()


def test_thenable_then_read_once() -> None:
    class Thenable:
        def __init__(self):
            self.counter = 0

        @property
        def then(self):
            self.counter += 1
            if self.counter > 1:
                raise Exception("Cannot access `then` more than once")
            return lambda *_: None  # Function.prototype

    def source():
        yield 0

    pipeline(source, lambda: Thenable(), lambda *_: common.mustNotCall())
    run()


def test_add_abort_signal_to_pipeline() -> None:
    ac = AbortController()
    reason = Exception("Reason")

    async def gen():
        for i in range(10):
            await Promise.resolve()
            yield str(i)
            if i == 5:
                ac.abort(reason)

    r = Readable.from_(gen())
    w, box = _collecting_writable()

    def done(err, *_):
        assert err.name == "AbortError"
        assert err.cause is reason
        assert box["res"] == "012345"
        assert w.destroyed is True
        assert r.destroyed is True
        assert pipelined.destroyed is True

    cb = common.mustCall(done)
    pipelined = addAbortSignal(ac.signal, pipeline([r, w], cb))
    run()


def test_array_values() -> None:
    pipeline([1, 2, 3], PassThrough({"objectMode": True}), common.mustSucceed(lambda: None))

    w, box = _collecting_writable()

    def done():
        assert box["res"] == "123"

    pipeline(["1", "2", "3"], w, common.mustSucceed(done))
    run()


def test_buffer_source() -> None:
    content = "abc"
    pipeline(content.encode(), PassThrough({"objectMode": True}), common.mustSucceed(lambda: None))

    res = ""

    async def collect(previous):
        nonlocal res
        async for val in previous:
            res += chr(val)
            yield val

    def done():
        assert res == content

    pipeline(content.encode(), collect, common.mustSucceed(done))
    run()


def _tsp_set_timeout(delay, value=None):
    # timers/promises setTimeout(delay, value): a promise of `value` after `delay` ms.
    return Promise(lambda resolve, reject: setTimeout(lambda: resolve(value), delay))


def test_promises_pipeline_signal_abort() -> None:
    ac = AbortController()
    signal = ac.signal

    async def source(options):
        # As in the JS test, the signal is tsp.setTimeout's *value* argument; the generator
        # is never iterated (the destination does not read its source).
        await _tsp_set_timeout(1e6, options["signal"])
        return
        yield

    async def sink(source):
        pass

    pipelinep(source, sink, {"signal": signal}).catch(common.mustCall(_abort_error))
    ac.abort()
    run()


def test_promises_pipeline_array() -> None:
    async def main():
        finished = False
        text = ""

        def write_fn(data, enc, cb):
            nonlocal text
            text += data.decode()
            cb()

        write = Writable({"write": write_fn})

        def on_finish():
            nonlocal finished
            finished = True

        write.on("finish", on_finish)

        await pipelinep([Readable.from_("Hello World!"), write])
        assert finished
        assert text == "Hello World!"

    spawn(main())
    run()


def test_pipeline_array_readable_from_string() -> None:
    finished = False
    text = ""

    def write_fn(data, enc, cb):
        nonlocal text
        text += data.decode()
        cb()

    write = Writable({"write": write_fn})

    def on_finish():
        nonlocal finished
        finished = True

    write.on("finish", on_finish)

    def done():
        assert finished
        assert text == "Hello World!"

    pipeline([Readable.from_("Hello World!"), write], common.mustSucceed(done))
    run()


def test_promisified_duplex_destination_not_destroyed() -> None:
    async def main():
        read = _noop_readable()

        duplex = PassThrough()

        read.push(None)

        await pipelinePromise(read, duplex)

        assert duplex.destroyed is False

    spawn(main()).then(common.mustCall())
    run()


def test_promisified_end_false() -> None:
    async def main():
        read = _noop_readable()

        duplex = PassThrough()
        transform = PassThrough()

        read.push(None)

        await pipelinePromise(read, transform, duplex, {"end": False})

        assert transform.destroyed is True
        assert transform.writableEnded is True

        assert duplex.destroyed is False
        assert duplex.writableEnded is False

    spawn(main()).then(common.mustCall())
    run()


async def _hello_world_world():
    await Promise.resolve()
    yield "hello"
    yield "world"
    yield "world"


def test_break_in_async_function_destination() -> None:
    s = PassThrough({"objectMode": True})

    async def consume(source):
        ret = ""
        n = 0
        async for chunk in source:
            if n > 1:
                n += 1
                break
            n += 1
            ret += chunk
        return ret

    def done(err, val):
        assert err is None
        assert val == "helloworld"
        assert s.destroyed is True

    pipeline(_hello_world_world, s, consume, common.mustCall(done))
    run()


def test_async_function_destination_returns_null() -> None:
    s = PassThrough({"objectMode": True})

    async def consume(source):
        return None

    def done(err, val):
        assert err is None
        assert val is None

    pipeline(_hello_world_world, s, consume, common.mustCall(done))
    run()


def test_legacy_writable_without_destroy() -> None:
    # Mimics a legacy stream without the .destroy method
    class LegacyWritable(Stream):
        def write(self, chunk, encoding=None, callback=None):
            callback()

    writable = LegacyWritable()
    writable.on("error", common.mustCall(lambda err: _is_error(err, "stop")))

    class _Iterator:
        def __anext__(self):
            return Promise.reject(Exception("stop"))

    class _AsyncIterable:
        def __aiter__(self):
            return _Iterator()

    pipeline(
        Readable.from_(_AsyncIterable()),
        writable,
        common.mustCall(lambda err: _is_error(err, "stop")),
    )
    run()


def test_custom_end_called_once() -> None:
    class CustomReadable(Readable):
        def _read(self, n=None):
            self.push("asd")
            self.push(None)

    class CustomWritable(Writable):
        def __init__(self):
            super().__init__()
            self.endCount = 0
            self.str = ""

        def _write(self, chunk, enc, cb):
            self.str += chunk.decode()
            cb()

        def end(self, *args):
            self.endCount += 1
            super().end()

    readable = CustomReadable()
    writable = CustomWritable()

    def done():
        assert writable.str == "asd"
        assert writable.endCount == 1

    pipeline(readable, writable, common.mustSucceed(done))
    run()


def test_pipeline_after_readable_end() -> None:
    readable = _noop_readable()
    readable.on(
        "end", common.mustCall(lambda: pipeline(readable, PassThrough(), common.mustSucceed()))
    )
    readable.push(None)
    readable.read()
    run()


def test_pipeline_after_duplex_end() -> None:
    dup = Duplex({"read": lambda n=None: None, "write": lambda chunk, enc, cb: cb()})
    dup.on("end", common.mustCall(lambda: pipeline(dup, PassThrough(), common.mustSucceed())))
    dup.push(None)
    dup.read()
    run()


def test_promises_pipeline_end_false() -> None:
    w, box = _collecting_writable()

    async def source():
        yield "hello"
        await Promise.resolve()
        yield "world"

    def done(*_):
        assert box["res"] == "helloworld"
        assert w.closed is False

    pipelinep(source, w, {"end": False}).then(common.mustCall(done))
    run()


def test_final_after_end() -> None:
    r = Readable()
    for _ in range(4000):
        r.push("asdfdagljanfgkaljdfn")
    r.push(None)

    ended = False

    def on_end():
        nonlocal ended
        ended = True

    r.on("end", on_end)

    def final(cb):
        assert ended is True
        cb(None)

    w = Writable({"write": lambda chunk, enc, cb: cb(None), "final": common.mustCall(final)})

    def done(err, *_):
        assert err is None

    pipeline(r, w, common.mustCall(done))
    run()


# See https://github.com/nodejs/node/issues/51540 for the following 2 tests
def test_slow_destroy_source_error() -> None:
    src = Readable()
    dst = Writable({"destroy": lambda error, cb: setImmediate(cb)})  # Takes a while

    def done(err, *_):
        assert src.closed is True
        assert dst.closed is True
        assert str(err) == "problem"

    pipeline(src, dst, done)
    src.destroy(Exception("problem"))
    run()


def test_slow_destroy_source_error_through_pass_throughs() -> None:
    src = Readable()
    dst = Writable({"destroy": lambda error, cb: setImmediate(cb)})  # Takes a while
    pass_throughs = [PassThrough() for _ in range(10)]

    def done(err, *_):
        assert src.closed is True
        assert dst.closed is True
        assert str(err) == "problem"

        for p in pass_throughs:
            assert p.closed is True

    pipeline(src, *pass_throughs, dst, done)
    src.destroy(Exception("problem"))
    run()


def test_read_throws_through_duplex_from_async_generator() -> None:
    async def my_async_generator(ag):
        async for data in ag:
            yield data

    duplex_stream = Duplex.from_(my_async_generator)

    def read(self, n=None):
        r.push("data1\n")
        raise Exception("booom")

    r = Readable({"read": lambda n=None: read(r, n)})
    w = Writable({"write": lambda chunk, encoding, callback: callback()})

    def done(err, *_):
        # assert.deepStrictEqual(err, new Error('booom'))
        assert type(err) is Exception
        assert str(err) == "booom"

    pipeline(r, duplex_stream, w, common.mustCall(done))
    run()
