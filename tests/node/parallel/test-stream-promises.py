"""Port of test/parallel/test-stream-promises.js.

Left out: the two ``fs.createReadStream`` blocks (no fs streams here) and the
``util.promisify(stream.pipeline)`` identity checks (no util.promisify).
"""

import pytest

from nodenet_uv import run, stream
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.stream.promises import finished, pipeline
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_exports() -> None:
    assert stream.promises.pipeline is pipeline
    assert stream.promises.finished is finished


def test_pipeline() -> None:
    finished_ = False
    processed = []
    expected = [b"a", b"b", b"c"]

    read = Readable({"read": lambda n: None})

    def write_(data, enc, cb):
        processed.append(data)
        cb()

    write = Writable({"write": write_})

    def on_finish():
        nonlocal finished_
        finished_ = True

    write.on("finish", on_finish)

    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def then(value):
        assert finished_
        assert processed == expected

    pipeline(read, write).then(common.mustCall(then))
    run()


def test_pipeline_error() -> None:
    read = Readable({"read": lambda n: None})

    write = Writable({"write": lambda data, enc, cb: cb()})

    read.push("data")
    setImmediate(lambda: read.destroy())

    def catch(err):
        assert err, "should have an error"

    pipeline(read, write).catch(common.mustCall(catch))
    run()


def test_finished_cleanup_not_boolean() -> None:
    stream_obj = Readable()
    with pytest.raises(TypeError) as info:
        # Passing cleanup option not as boolean
        # should throw error
        finished(stream_obj, {"cleanup": 2})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_finished_cleanup_true_readable() -> None:
    stream_obj = Readable()
    finished(stream_obj, {"cleanup": True})
    run()


def test_finished_cleanup_false() -> None:
    stream_obj = Writable()
    assert stream_obj.listenerCount("end") == 0

    def then(*args):
        assert stream_obj.listenerCount("end") == 1

    finished(stream_obj, {"cleanup": False}).then(common.mustCall(then))
    stream_obj.end()
    run()


def test_finished_cleanup_true() -> None:
    stream_obj = Writable()
    assert stream_obj.listenerCount("end") == 0

    def then(*args):
        assert stream_obj.listenerCount("end") == 0

    finished(stream_obj, {"cleanup": True}).then(common.mustCall(then))
    stream_obj.end()
    run()


def test_finished_default_cleanup() -> None:
    stream_obj = Writable()
    assert stream_obj.listenerCount("end") == 0

    def then(*args):
        assert stream_obj.listenerCount("end") == 1

    finished(stream_obj).then(common.mustCall(then))
    stream_obj.end()
    run()
