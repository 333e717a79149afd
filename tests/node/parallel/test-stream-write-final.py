"""Port of test/parallel/test-stream-write-final.js.

JS ``this`` inside an options function has no Python twin; the ``this === w`` check
is made on the stream the test closes over instead.
"""

from nodenet_uv import run, timers
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_write_final() -> None:
    shutdown = False

    def final(cb):
        assert isinstance(w, Writable)

        def later():
            nonlocal shutdown
            shutdown = True
            cb()

        timers.setTimeout(later, 100)

    w = Writable({"final": common.mustCall(final), "write": lambda chunk, e, cb: next_tick(cb)})

    def on_finish():
        assert shutdown

    w.on("finish", common.mustCall(on_finish))
    w.write(bytes(1))
    w.end(bytes(0))
    run()
