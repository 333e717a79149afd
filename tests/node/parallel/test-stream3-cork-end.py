"""Port of test/parallel/test-stream3-cork-end.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.timers import setImmediate


def test_cork_end() -> None:
    # Test the buffering behavior of Writable streams.
    #
    # The call to cork() triggers storing chunks which are flushed
    # on calling end() and the stream subsequently ended.
    #
    # node version target: 0.12

    expected_chunks = ["please", "buffer", "me", "kindly"]
    input_chunks = expected_chunks[:]
    seen_chunks = []
    seen_end = False

    w = Writable()
    # Let's arrange to store the chunks.

    def _write(chunk, encoding, cb):
        # Stream end event is not seen before the last write.
        assert not seen_end
        # Default encoding given none was specified.
        assert encoding == "buffer"

        seen_chunks.append(chunk)
        cb()

    w._write = _write

    # Let's record the stream end event.
    def on_finish():
        nonlocal seen_end
        seen_end = True

    w.on("finish", on_finish)

    def write_chunks(remaining_chunks, callback):
        write_chunk = remaining_chunks.pop(0) if remaining_chunks else None

        if write_chunk:

            def later():
                write_state = w.write(write_chunk)
                # We were not told to stop writing.
                assert write_state

                write_chunks(remaining_chunks, callback)

            setImmediate(later)
        else:
            callback()

    # Do an initial write.
    w.write("stuff")
    # The write was immediate.
    assert len(seen_chunks) == 1
    # Reset the seen chunks.
    seen_chunks = []

    # Trigger stream buffering.
    w.cork()

    # Write the bufferedChunks.
    def written():
        # Should not have seen anything yet.
        assert len(seen_chunks) == 0

        # Trigger flush and ending the stream.
        w.end()

        # Stream should not ended in current tick.
        assert not seen_end

        # Buffered bytes should be seen in current tick.
        assert len(seen_chunks) == 4

        # Did the chunks match.
        for i in range(len(expected_chunks)):
            seen = seen_chunks[i]
            # There was a chunk.
            assert seen

            expected = expected_chunks[i].encode()
            # It was what we expected.
            assert seen == expected

        def check_end():
            # Stream should have ended in next tick.
            assert seen_end

        setImmediate(check_end)

    write_chunks(input_chunks, written)
    run()
