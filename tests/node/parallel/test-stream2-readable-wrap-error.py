"""Port of test/parallel/test-stream2-readable-wrap-error.js."""

from nodenet_uv import run
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


class LegacyStream(EventEmitter):
    def pause(self):
        pass

    def resume(self):
        pass


def test_auto_destroy() -> None:
    err = Exception()
    old_stream = LegacyStream()

    def on_error(*_):
        assert r._readableState.errorEmitted is True
        assert r._readableState.errored is err
        assert r.destroyed is True

    r = Readable(autoDestroy=True).wrap(old_stream).on("error", common.mustCall(on_error))
    old_stream.emit("error", err)
    run()


def test_no_auto_destroy() -> None:
    err = Exception()
    old_stream = LegacyStream()

    def on_error(*_):
        assert r._readableState.errorEmitted is True
        assert r._readableState.errored is err
        assert r.destroyed is False

    r = Readable(autoDestroy=False).wrap(old_stream).on("error", common.mustCall(on_error))
    old_stream.emit("error", err)
    run()
