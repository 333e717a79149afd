"""Port of test/parallel/test-stream-compose.js.

``compose`` is ``stream.compose`` (Node 24's test takes it from the public module). A JS
``chunk + chunk`` / ``res += buf`` on Buffers is string concatenation: the port decodes.
"""

from nodenet_uv import run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.errors import JsError
from nodenet_uv.stream import (
    Duplex,
    PassThrough,
    Readable,
    Transform,
    Writable,
    compose,
    finished,
)
from nodenet_uv.testing import common


def _s(chunk):
    return chunk if isinstance(chunk, str) else bytes(chunk).decode()


def _collect(expected):
    res = []

    def on_data(buf):
        res.append(_s(buf))

    def on_end():
        assert "".join(res) == expected

    return common.mustCall(on_data), common.mustCall(on_end)


def _upper_transform():
    return Transform(
        {
            "transform": common.mustCall(
                lambda chunk, encoding, callback: callback(None, _s(chunk).upper())
            )
        }
    )


async def _double(source):
    async for chunk in source:
        yield _s(chunk) + _s(chunk)


async def _upper(source):
    async for chunk in source:
        yield _s(chunk).upper()


async def _identity(source):
    async for chunk in source:
        yield chunk


async def _hello_world():
    yield "Hello"
    yield "World"


def test_two_transforms() -> None:
    on_data, on_end = _collect("ASDASD")
    compose(
        Transform(
            {
                "transform": common.mustCall(
                    lambda chunk, encoding, callback: callback(None, _s(chunk) + _s(chunk))
                )
            }
        ),
        _upper_transform(),
    ).end("asd").on("data", on_data).on("end", on_end)
    run()


def test_two_generators() -> None:
    on_data, on_end = _collect("ASDASD")
    compose(_double, _upper).end("asd").on("data", on_data).on("end", on_end)
    run()


def test_one_generator() -> None:
    on_data, on_end = _collect("asdasd")
    compose(_double).end("asd").on("data", on_data).on("end", on_end)
    run()


def test_readable_then_transform() -> None:
    on_data, on_end = _collect("ASD")
    compose(Readable.from_(["asd"]), _upper_transform()).on("data", on_data).on("end", on_end)
    run()


def test_async_iterable_then_transform() -> None:
    async def asd():
        yield "asd"

    on_data, on_end = _collect("ASD")
    compose(asd(), _upper_transform()).on("data", on_data).on("end", on_end)
    run()


def test_transform_generator_writable() -> None:
    res = ""

    def write(chunk, encoding, callback):
        nonlocal res
        res += _s(chunk)
        callback(None)

    def on_finish():
        assert res == "ASD"

    compose(_upper_transform(), _identity, Writable({"write": common.mustCall(write)})).end(
        "asd"
    ).on("finish", common.mustCall(on_finish))
    run()


def test_transform_generator_async_function() -> None:
    res = ""

    async def sink(source):
        nonlocal res
        async for chunk in source:
            res += _s(chunk)

    def on_finish():
        assert res == "ASD"

    compose(_upper_transform(), _identity, sink).end("asd").on("finish", common.mustCall(on_finish))
    run()


def _wrapping_transform():
    return Transform(
        {
            "objectMode": True,
            "transform": common.mustCall(
                lambda chunk, encoding, callback: callback(None, {"chunk": chunk})
            ),
        }
    )


def test_object_mode() -> None:
    res = None

    def on_data(buf):
        nonlocal res
        res = buf

    def on_end():
        assert res["chunk"]["chunk"] is True

    compose(_wrapping_transform(), _identity, _wrapping_transform()).end(True).on(
        "data", common.mustCall(on_data)
    ).on("end", common.mustCall(on_end))
    run()


def _not_called_transform():
    return Transform(
        {
            "objectMode": True,
            "transform": common.mustNotCall(),
        }
    )


def test_transform_error() -> None:
    _err = JsError("asd")

    def on_error(err):
        assert err is _err

    compose(
        Transform(
            {
                "objectMode": True,
                "transform": common.mustCall(lambda chunk, encoding, callback: callback(_err)),
            }
        ),
        _identity,
        _not_called_transform(),
    ).end(True).on("data", common.mustNotCall()).on("end", common.mustNotCall()).on(
        "error", on_error
    )
    run()


def test_generator_error() -> None:
    _err = JsError("asd")

    async def gen(source):
        tmp = ""
        async for chunk in source:
            tmp += str(chunk)
            raise _err
        yield tmp  # (JS returns tmp; never reached)

    def on_error(err):
        assert err is _err

    compose(
        Transform(
            {
                "objectMode": True,
                "transform": common.mustCall(
                    lambda chunk, encoding, callback: callback(None, chunk)
                ),
            }
        ),
        gen,
        _not_called_transform(),
    ).end(True).on("data", common.mustNotCall()).on("end", common.mustNotCall()).on(
        "error", on_error
    )
    run()


def _sink_into(holder):
    async def sink(source):
        async for chunk in source:
            holder["buf"] += _s(chunk)

    return sink


def test_readable_duplex() -> None:
    holder = {"buf": ""}
    # Convert into readable Duplex.
    s1 = compose(_hello_world(), _upper, _sink_into(holder))

    assert s1.writable is False
    assert s1.readable is False

    def done(err=None):
        assert not err
        assert holder["buf"] == "HELLOWORLD"

    finished(s1.resume(), common.mustCall(done))
    run()


def test_transform_duplex() -> None:
    buf = ""
    # Convert into transform duplex.
    s2 = compose(_upper)
    s2.end("helloworld")
    s2.resume()

    def on_data(chunk):
        nonlocal buf
        buf += _s(chunk)

    s2.on("data", on_data)

    def done(err=None):
        assert not err
        assert buf == "HELLOWORLD"

    finished(s2.resume(), common.mustCall(done))
    run()


def test_compose_composed() -> None:
    holder = {"buf": ""}
    # Convert into readable Duplex.
    s1 = compose(_hello_world())
    # Convert into transform duplex.
    s2 = compose(_upper)
    # Convert into writable duplex.
    s3 = compose(_sink_into(holder))

    s4 = compose(s1, s2, s3)

    def done(err=None):
        assert not err
        assert holder["buf"] == "HELLOWORLD"

    finished(s4, common.mustCall(done))
    run()


def test_readable_duplex_finished() -> None:
    holder = {"buf": ""}
    s1 = compose(_hello_world(), _upper, _sink_into(holder))

    def done(err=None):
        assert not err
        assert holder["buf"] == "HELLOWORLD"

    finished(s1, common.mustCall(done))
    run()


def test_missing_args() -> None:
    try:
        compose()
    except Exception as err:
        common.check_error(err, {"code": "ERR_MISSING_ARGS"})
    else:
        raise AssertionError("Missing expected exception.")


def test_writable_first_is_invalid() -> None:
    try:
        compose(Writable(), PassThrough())
    except Exception as err:
        common.check_error(err, {"code": "ERR_INVALID_ARG_VALUE"})
    else:
        raise AssertionError("Missing expected exception.")
    run()


def test_readable_in_the_middle_is_invalid() -> None:
    try:
        compose(PassThrough(), Readable({"read": lambda n: None}), PassThrough())
    except Exception as err:
        common.check_error(err, {"code": "ERR_INVALID_ARG_VALUE"})
    else:
        raise AssertionError("Missing expected exception.")
    run()


def test_sink_returning_value() -> None:
    buf = ""

    async def sink(source):
        nonlocal buf
        async for chunk in source:
            buf += _s(chunk)
        return buf

    s1 = compose(_hello_world(), _upper, sink)

    def done(err=None):
        assert err.code == "ERR_INVALID_RETURN_VALUE"

    finished(s1, common.mustCall(done))
    run()


def test_string_source() -> None:
    holder = {"buf": ""}
    s1 = compose("HelloWorld", _upper, _sink_into(holder))

    def done(err=None):
        assert not err
        assert holder["buf"] == "HELLOWORLD"

    finished(s1, common.mustCall(done))
    run()


def test_object_mode_of_first_writable_and_last_readable() -> None:
    # In the new stream than should use the writeable of the first stream and readable
    # of the last stream
    # #46829
    async def main():
        new_stream = compose(
            PassThrough(
                {
                    # reading FROM you in object mode or not
                    "readableObjectMode": False,
                    # writing TO you in object mode or not
                    "writableObjectMode": False,
                }
            ),
            Transform(
                {
                    # reading FROM you in object mode or not
                    "readableObjectMode": True,
                    # writing TO you in object mode or not
                    "writableObjectMode": False,
                    "transform": lambda chunk, encoding, callback: callback(
                        None, {"value": _s(chunk)}
                    ),
                }
            ),
        )

        assert new_stream.writableObjectMode is False
        assert new_stream.readableObjectMode is True

        new_stream.write("Steve Rogers")
        new_stream.write("On your left")

        new_stream.end()

        assert await new_stream.toArray() == [{"value": "Steve Rogers"}, {"value": "On your left"}]

    spawn(main()).then(common.mustCall())
    run()


def test_object_mode_of_first_writable_and_last_readable_reversed() -> None:
    # #46829
    async def main():
        new_stream = compose(
            PassThrough(
                {
                    # reading FROM you in object mode or not
                    "readableObjectMode": True,
                    # writing TO you in object mode or not
                    "writableObjectMode": True,
                }
            ),
            Transform(
                {
                    # reading FROM you in object mode or not
                    "readableObjectMode": False,
                    # writing TO you in object mode or not
                    "writableObjectMode": True,
                    "transform": lambda chunk, encoding, callback: callback(None, chunk["value"]),
                }
            ),
        )

        assert new_stream.writableObjectMode is True
        assert new_stream.readableObjectMode is False

        new_stream.write({"value": "Steve Rogers"})
        new_stream.write({"value": "On your left"})

        new_stream.end()

        assert await new_stream.toArray() == [b"Steve RogersOn your left"]

    spawn(main()).then(common.mustCall())
    run()


def test_destroying_the_composed_stream_destroys_its_duplex() -> None:
    class DuplexProcess(Duplex):
        def __init__(self, options=None):
            super().__init__({**(options or {}), "objectMode": True})
            self.stuff = []

        def _write(self, message, _, callback):
            self.stuff.append(message)
            callback()

        def _destroy(self, err, cb):
            cb(err)

        def _read(self, size=None):
            if len(self.stuff):
                self.push(self.stuff.pop(0))
            elif self.writableEnded:
                self.push(None)
            else:
                self._read()

    pass_ = PassThrough({"objectMode": True})
    duplex = DuplexProcess()

    composed = compose(pass_, duplex).on("error", lambda *_: None)

    composed.write("hello")
    composed.write("world")
    composed.end()

    composed.destroy(Exception("an unexpected error"))
    assert duplex.destroyed is True
    run()
