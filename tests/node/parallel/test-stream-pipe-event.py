"""Port of test/parallel/test-stream-pipe-event.js."""

from nodenet_uv.stream import Stream


class MyWritable(Stream):
    def __init__(self):
        self.writable = True
        Stream.__init__(self)


class MyReadable(Stream):
    def __init__(self):
        self.readable = True
        Stream.__init__(self)


def test_pipe_event() -> None:
    passed = False

    w = MyWritable()

    def on_pipe(src):
        nonlocal passed
        passed = True

    w.on("pipe", on_pipe)

    r = MyReadable()
    r.pipe(w)

    assert passed
