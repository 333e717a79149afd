"""Port of test/parallel/test-stream2-finish-pipe.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable


def test_finish_pipe() -> None:
    r = Readable()
    r._read = lambda size: r.push(bytes(size))

    w = Writable()
    w._write = lambda data, encoding, cb: next_tick(cb, None)

    r.pipe(w)

    # This might sound unrealistic, but it happens in net.js. When
    # socket.allowHalfOpen === false, EOF will cause .destroySoon() call which
    # ends the writable side of net.Socket.
    next_tick(lambda: w.end())
    run()
