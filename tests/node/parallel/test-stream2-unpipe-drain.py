"""Port of test/parallel/test-stream2-unpipe-drain.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable


class MyWriter(Writable):
    def _write(self, buffer, encoding, callback):
        # Super slow write stream (callback never called)
        pass


class MyReader(Readable):
    def __init__(self):
        super().__init__()
        self.reads = 0

    def _read(self, size):
        self.reads += 1
        self.push(bytes(size))


def test_unpipe_drain() -> None:
    dest = MyWriter()

    src1 = MyReader()
    src2 = MyReader()

    src1.pipe(dest)

    def on_src1_readable():
        def tick():
            src2.pipe(dest)

            def on_src2_readable():
                next_tick(lambda: src1.unpipe(dest))

            src2.once("readable", on_src2_readable)

        next_tick(tick)

    src1.once("readable", on_src1_readable)

    run()
    # (Node checks these at process exit.)
    assert src1.reads == 2
    assert src2.reads == 2
