"""Port of test/parallel/test-stream-pipe-await-drain-manual-resume.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_await_drain_manual_resume() -> None:
    # A consumer stream with a very low highWaterMark, which starts in a state
    # where it buffers the chunk it receives rather than indicating that they
    # have been consumed.
    writable = Writable({"highWaterMark": 5})

    is_currently_buffering_writes = True
    queue = []

    def _write(chunk, encoding, cb):
        if is_currently_buffering_writes:
            queue.append({"chunk": chunk, "cb": cb})
        else:
            cb()

    writable._write = _write

    readable = Readable({"read": lambda n: None})

    readable.pipe(writable)

    def on_first_pause():
        assert readable._readableState.awaitDrainWriters is writable, (
            "Expected awaitDrainWriters to be a Writable but instead got "
            f"{readable._readableState.awaitDrainWriters}"
        )
        # First pause, resume manually. The next write() to writable will still
        # return false, because chunks are still being buffered, so it will increase
        # the awaitDrain counter again.
        next_tick(common.mustCall(lambda: readable.resume()))

        def on_second_pause():
            nonlocal is_currently_buffering_writes
            assert readable._readableState.awaitDrainWriters is writable, (
                ".resume() should not reset the awaitDrainWriters, but instead got "
                f"{readable._readableState.awaitDrainWriters}"
            )
            # Second pause, handle all chunks from now on. Once all callbacks that
            # are currently queued up are handled, the awaitDrain drain counter should
            # fall back to 0 and all chunks that are pending on the readable side
            # should be flushed.
            is_currently_buffering_writes = False
            for queued in queue:
                queued["cb"]()

        readable.once("pause", common.mustCall(on_second_pause))

    readable.once("pause", common.mustCall(on_first_pause))

    readable.push(bytes(100))  # Fill the writable HWM, first 'pause'.
    readable.push(bytes(100))  # Second 'pause'.
    readable.push(bytes(100))  # Should get through to the writable.
    readable.push(None)

    def on_finish():
        assert readable._readableState.awaitDrainWriters is None, (
            "awaitDrainWriters should be reset to null after all chunks are written "
            f"but instead got {readable._readableState.awaitDrainWriters}"
        )
        # Everything okay, all chunks were written.

    writable.on("finish", common.mustCall(on_finish))
    run()
