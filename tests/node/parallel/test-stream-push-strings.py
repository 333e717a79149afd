"""Port of test/parallel/test-stream-push-strings.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.timers import setTimeout


class MyStream(Readable):
    def __init__(self, options=None):
        super().__init__(options)
        self._chunks = 3

    def _read(self, n):
        chunks = self._chunks
        self._chunks -= 1
        if chunks == 0:
            return self.push(None)
        if chunks == 1:
            return setTimeout(lambda: self.push("last chunk"), 100)
        if chunks == 2:
            return self.push("second to last chunk")
        if chunks == 3:
            return next_tick(lambda: self.push("first chunk"))
        raise Exception("?")


def test_push_strings() -> None:
    ms = MyStream()
    results = []

    def on_readable():
        while (chunk := ms.read()) is not None:
            results.append(chunk.decode())

    ms.on("readable", on_readable)

    expect = ["first chunksecond to last chunk", "last chunk"]
    run()
    assert ms._chunks == -1
    assert results == expect
