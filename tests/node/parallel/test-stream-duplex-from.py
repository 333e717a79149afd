"""Port of test/parallel/test-stream-duplex-from.js.

``Duplex.from`` is ``Duplex.from_`` (``from`` is a Python keyword). JS async generator
functions are Python async generator functions; ``this.push`` in a ``read()`` option is
the stream from the enclosing scope. A JS ``ret += chunk`` / ``chunk.toString()`` on a
Buffer decodes it. ``assert.strictEqual(data, msg)`` on Buffers is identity (``is``).

Left out (nodenet_uv has neither Blob nor web streams):

* "Ensure that Duplex.from works for blobs": needs ``buffer.Blob``.
* The five blocks built on ``makeATestReadableStream``/``makeATestWritableStream``
  (``{readable: ReadableStream}``, a bare ``ReadableStream``, ``{writable: WritableStream}``,
  a bare ``WritableStream``, and the ``{readable, writable}`` web-stream pair): need
  ``stream/web``'s ``ReadableStream``/``WritableStream``.
"""

import pytest

from nodenet_uv import Promise, run
from nodenet_uv.errors import JsError
from nodenet_uv.stream import Duplex, PassThrough, Readable, Writable, pipeline
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def _s(chunk):
    return chunk if isinstance(chunk, str) else bytes(chunk).decode()


def _asd_readable():
    r = None

    def read(n=None):
        r.push("asd")
        r.push(None)

    r = Readable({"read": read})
    return r


def _collecting_writable(ret):
    def write(chunk, encoding, callback):
        ret.append(_s(chunk))
        callback()

    return Writable({"write": write})


def test_readable_pair() -> None:
    d = Duplex.from_({"readable": _asd_readable()})
    assert d.readable is True
    assert d.writable is False

    def on_readable():
        assert _s(d.read()) == "asd"

    def on_end():
        assert d.readable is False

    d.once("readable", common.mustCall(on_readable))
    d.once("end", common.mustCall(on_end))
    run()


def test_readable() -> None:
    d = Duplex.from_(_asd_readable())
    assert d.readable is True
    assert d.writable is False

    def on_readable():
        assert _s(d.read()) == "asd"

    def on_end():
        assert d.readable is False

    d.once("readable", common.mustCall(on_readable))
    d.once("end", common.mustCall(on_end))
    run()


def test_writable() -> None:
    ret: list[str] = []
    d = Duplex.from_(_collecting_writable(ret))
    assert d.readable is False
    assert d.writable is True
    d.end("asd")

    def on_finish():
        assert d.writable is False
        assert "".join(ret) == "asd"

    d.on("finish", common.mustCall(on_finish))
    run()


def test_writable_pair() -> None:
    ret: list[str] = []
    d = Duplex.from_({"writable": _collecting_writable(ret)})
    assert d.readable is False
    assert d.writable is True
    d.end("asd")

    def on_finish():
        assert d.writable is False
        assert "".join(ret) == "asd"

    d.on("finish", common.mustCall(on_finish))
    run()


def test_readable_writable_pair() -> None:
    ret: list[str] = []
    d = Duplex.from_({"readable": _asd_readable(), "writable": _collecting_writable(ret)})
    assert d.readable is True
    assert d.writable is True

    def on_readable():
        assert _s(d.read()) == "asd"

    def on_end():
        assert d.readable is False

    def on_finish():
        assert d.writable is False
        assert "".join(ret) == "asd"

    d.once("readable", common.mustCall(on_readable))
    d.once("end", common.mustCall(on_end))
    d.end("asd")
    d.once("finish", common.mustCall(on_finish))
    run()


def test_promise() -> None:
    d = Duplex.from_(Promise.resolve("asd"))
    assert d.readable is True
    assert d.writable is False

    def on_readable():
        assert _s(d.read()) == "asd"

    def on_end():
        assert d.readable is False

    d.once("readable", common.mustCall(on_readable))
    d.once("end", common.mustCall(on_end))
    run()


def test_async_generator_function_in_pipeline() -> None:
    # https://github.com/nodejs/node/issues/40497
    async def split_lines(source):
        rest = ""
        async for chunk in source:
            lines = (rest + _s(chunk)).split("\n")
            rest = lines.pop()
            for line in lines:
                yield line
        yield rest

    async def consume(source):
        ret = ""
        async for x in source:
            ret += x
        assert ret == "abcdefghi"
        return
        yield  # an async generator function that never yields (JS: require-yield)

    pipeline(
        ["abc\ndef\nghi"],
        Duplex.from_(split_lines),
        consume,
        common.mustSucceed(),
    )
    run()


def test_duplex_is_returned_as_is() -> None:
    # Ensure that isDuplexNodeStream was called
    duplex = Duplex()
    assert Duplex.from_(duplex) is duplex


def test_promise_rejection_emits_error() -> None:
    # Ensure that given a promise rejection it emits an error
    my_error_message = "myCustomError"

    def on_error(error):
        assert error is my_error_message

    Duplex.from_(Promise.reject(my_error_message)).on("error", common.mustCall(on_error))
    run()


def test_async_function_rejection_emits_error() -> None:
    # Ensure that given a promise rejection on an async function it emits an error
    my_error_message = "myCustomError"

    async def async_fn():
        return Promise.reject(my_error_message)

    def on_error(error):
        assert error is my_error_message

    Duplex.from_(async_fn).on("error", common.mustCall(on_error))
    run()


def test_void_function_throws_invalid_return_value() -> None:
    # Ensure that Duplex.from throws an Invalid return value when function is void
    with pytest.raises(Exception) as info:
        Duplex.from_(lambda: None)
    common.check_error(info.value, {"code": "ERR_INVALID_RETURN_VALUE"})


def test_readable_sub_object_is_duplexified() -> None:
    # Ensure data if a sub object has a readable stream it's duplexified
    msg = b"hello"
    r = None

    def read(n=None):
        r.push(msg)
        r.push(None)

    r = Readable({"read": read})

    def on_data(data):
        assert data is msg

    duplex = Duplex.from_({"readable": r}).on("data", common.mustCall(on_data))

    assert duplex.writable is False
    run()


def test_writable_sub_object_is_duplexified() -> None:
    # Ensure data if a sub object has a writable stream it's duplexified
    msg = b"hello"

    def write(data, *args):
        assert data is msg

    duplex = Duplex.from_({"writable": Writable({"write": common.mustCall(write)})})

    duplex.write(msg)
    assert duplex.readable is False
    run()


def test_readable_and_writable_sub_objects_are_duplexified() -> None:
    # Ensure data if a sub object has a writable and readable stream it's duplexified
    msg = b"hello"
    r = None

    def read(n=None):
        r.push(msg)
        r.push(None)

    r = Readable({"read": read})

    def write(data, *args):
        assert data is msg

    duplex = Duplex.from_({"readable": r, "writable": Writable({"write": common.mustCall(write)})})

    def on_data(data):
        assert data is msg
        assert duplex.readable is True
        assert duplex.writable is True

    duplex.pipe(duplex).on("data", common.mustCall(on_data)).on("end", common.mustCall())
    run()


def test_readable_that_throws_destroys() -> None:
    # Ensure that given readable stream that throws an error it calls destroy
    my_error_message = "error!"

    def read(n=None):
        raise JsError(my_error_message)

    duplex = Duplex.from_(Readable({"read": read}))

    def on_error(msg):
        assert msg.message == my_error_message

    duplex.on("error", common.mustCall(on_error))
    run()


def test_writable_that_errors_destroys() -> None:
    # Ensure that given writable stream that throws an error it calls destroy
    my_error_message = "error!"

    def write(chunk, enc, cb):
        cb(my_error_message)

    duplex = Duplex.from_(Writable({"write": write}))

    def on_error(msg):
        assert msg is my_error_message

    duplex.on("error", common.mustCall(on_error))

    duplex.write("test")
    run()


def test_passthrough_pair_with_pause_resume() -> None:
    through = PassThrough({"objectMode": True})

    res = ""
    d = Readable.from_(["foo", "bar"], {"objectMode": True}).pipe(
        Duplex.from_({"writable": through, "readable": through})
    )

    def on_data(data):
        nonlocal res
        d.pause()
        setImmediate(lambda: d.resume())
        res += data

    def on_end():
        assert res == "foobar"

    d.on("data", on_data).on("end", common.mustCall(on_end)).on("close", common.mustCall())
    run()
