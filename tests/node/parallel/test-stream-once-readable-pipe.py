"""Port of test/parallel/test-stream-once-readable-pipe.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common

# This test ensures that if have 'readable' listener
# on Readable instance it will not disrupt the pipe.


def _writable():
    received = []

    def write(chunk, env, callback):
        received.append(chunk.decode())
        callback()

    return Writable({"write": write}), received


def test_readable_listener_before_pipe() -> None:
    w, received_data = _writable()

    data = ["foo", "bar", "baz"]

    r = Readable({"read": lambda n: None})

    r.once("readable", common.mustCall())

    r.pipe(w)
    r.push(data[0])
    r.push(data[1])
    r.push(data[2])
    r.push(None)

    def on_finish():
        assert "".join(received_data) == "".join(data)

    w.on("finish", common.mustCall(on_finish))
    run()


def test_readable_listener_after_pipe() -> None:
    w, received_data = _writable()

    data = ["foo", "bar", "baz"]

    r = Readable({"read": lambda n: None})

    r.pipe(w)
    r.push(data[0])
    r.push(data[1])
    r.push(data[2])
    r.push(None)
    r.once("readable", common.mustCall())

    def on_finish():
        assert "".join(received_data) == "".join(data)

    w.on("finish", common.mustCall(on_finish))
    run()
