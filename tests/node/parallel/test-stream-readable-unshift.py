"""Port of test/parallel/test-stream-readable-unshift.js."""

from nodenet_uv import run
from nodenet_uv._internal.buffer import buffer_from_string, buffer_to_string
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def _noop_readable(**kw):
    return Readable(read=lambda n: None, **kw)


def test_unshift_string_gives_buffer() -> None:
    readable = _noop_readable()

    # Make sure the data is not passed as a string
    string = "abc"

    def on_data(chunk):
        assert isinstance(chunk, bytes)
        assert chunk.decode("utf8") == string

    readable.on("data", common.mustCall(on_data, 1))

    readable.unshift(string)
    run()


def test_unshift_goes_first() -> None:
    readable = _noop_readable()

    unshift = "front"
    push = "back"

    expected = [unshift, push]

    def on_data(chunk):
        assert chunk.decode("utf8") == expected.pop(0)

    readable.on("data", common.mustCall(on_data, 2))

    readable.push(push)
    readable.unshift(unshift)
    run()


def test_unshift_with_encoding() -> None:
    readable = _noop_readable()

    encoding = "base64"
    string = buffer_to_string(b"abc", encoding)

    readable.on(
        "data", common.mustCall(lambda chunk: _eq(buffer_to_string(chunk, encoding), string), 1)
    )

    readable.unshift(string, encoding)
    run()


def _eq(a, b):
    assert a == b


def _check_encoding_unshift(readable, stream_encoding):
    encodings = ["utf8", "binary", "hex", "base64"]
    expected = []

    def on_data(chunk):
        _enc, string = expected.pop()
        assert chunk == string

    readable.on("data", common.mustCall(on_data, len(encodings)))

    for encoding in encodings:
        string = "abc"

        # If encoding is the same as the state.encoding the string is
        # saved as is
        expect = (
            buffer_to_string(buffer_from_string(string, encoding), stream_encoding)
            if encoding != stream_encoding
            else string
        )

        expected.append((encoding, expect))

        readable.unshift(string, encoding)


def test_unshift_with_stream_encoding() -> None:
    stream_encoding = "base64"

    r1 = _noop_readable()
    r1.setEncoding(stream_encoding)
    _check_encoding_unshift(r1, stream_encoding)

    r2 = _noop_readable(encoding=stream_encoding)
    _check_encoding_unshift(r2, stream_encoding)
    run()


def _check_push_unshift(readable, encoding):
    string = "abc"
    readable.on(
        "data",
        common.mustCall(lambda chunk: _eq(chunk, buffer_to_string(string.encode(), encoding)), 2),
    )

    readable.push(string)
    readable.unshift(string)


def test_push_and_unshift_with_stream_encoding() -> None:
    # Both .push & .unshift should have the same behaviour
    # When setting an encoding, each chunk should be emitted with that encoding
    encoding = "base64"

    r1 = _noop_readable()
    r1.setEncoding(encoding)
    _check_push_unshift(r1, encoding)

    r2 = _noop_readable(encoding=encoding)
    _check_push_unshift(r2, encoding)
    run()


def test_object_mode_unshift() -> None:
    # Check that ObjectMode works
    readable = _noop_readable(objectMode=True)

    chunks = ["a", 1, {}, []]

    def on_data(chunk):
        assert chunk is chunks.pop()

    readable.on("data", common.mustCall(on_data, len(chunks)))

    for chunk in list(chunks):
        readable.unshift(chunk)
    run()


def test_unshift_in_readable_handler() -> None:
    # Should not throw: https://github.com/nodejs/node/issues/27192
    high_water_mark = 50

    class ArrayReader(Readable):
        def __init__(self, opt=None):
            super().__init__({"highWaterMark": high_water_mark})
            # The error happened only when pushing above hwm
            self.buffer = [str(0)] * (high_water_mark * 2)

        def _read(self, size):
            while self.buffer:
                chunk = self.buffer.pop(0)
                if not self.buffer:
                    self.push(chunk)
                    self.push(None)
                    return True
                if not self.push(chunk):
                    return None
            return None

    def on_read():
        while stream.read() is not None:
            # Remove the 'readable' listener before unshifting
            stream.removeListener("readable", on_read_wrapper)
            stream.unshift("a")
            stream.on("data", lambda chunk: None)
            break

    stream = ArrayReader()
    on_read_wrapper = common.mustCall(on_read)
    stream.once("readable", on_read_wrapper)
    stream.on("end", common.mustCall())
    run()
