"""Port of test/parallel/test-stream-readable-setEncoding-existing-buffers.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable


def _collect(r):
    chunks = []
    r.on("data", lambda chunk: chunks.append(chunk))
    return chunks


def test_set_encoding_with_buffered_bytes() -> None:
    # Call .setEncoding() while there are bytes already in the buffer.
    r = Readable(read=lambda n: None)

    r.push(b"a")
    r.push(b"b")

    r.setEncoding("utf8")
    chunks = _collect(r)

    def check():
        assert chunks == ["ab"]

    next_tick(check)
    run()


def test_set_encoding_with_complete_chunked_character() -> None:
    # Call .setEncoding() while the buffer contains a complete,
    # but chunked character.
    r = Readable(read=lambda n: None)

    r.push(bytes([0xF0]))
    r.push(bytes([0x9F]))
    r.push(bytes([0x8E]))
    r.push(bytes([0x89]))

    r.setEncoding("utf8")
    chunks = _collect(r)

    def check():
        assert chunks == ["🎉"]

    next_tick(check)
    run()


def test_set_encoding_with_incomplete_character() -> None:
    # Call .setEncoding() while the buffer contains an incomplete character,
    # and finish the character later.
    r = Readable(read=lambda n: None)

    r.push(bytes([0xF0]))
    r.push(bytes([0x9F]))

    r.setEncoding("utf8")

    r.push(bytes([0x8E]))
    r.push(bytes([0x89]))

    chunks = _collect(r)

    def check():
        assert chunks == ["🎉"]

    next_tick(check)
    run()
