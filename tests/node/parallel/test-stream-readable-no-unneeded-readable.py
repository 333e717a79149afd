"""Port of test/parallel/test-stream-readable-no-unneeded-readable.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import PassThrough, Readable
from nodenet_uv.testing import common


def _test(r):
    def read(n):
        data = r.read()

        if data:
            wrapper.push(data)
            return

        def on_readable():
            data = r.read()
            if data:
                wrapper.push(data)
            # else: the end event should fire

        r.once("readable", on_readable)

    wrapper = Readable(read=read)

    r.once("end", lambda: wrapper.push(None))

    wrapper.resume()
    wrapper.once("end", common.mustCall())


def test_through_passthrough() -> None:
    source = Readable(read=lambda n: None)
    source.push("foo")
    source.push("bar")
    source.push(None)

    pt = source.pipe(PassThrough())
    _test(pt)
    run()


def test_sync_then_async_push() -> None:
    # This is the underlying cause of the above test case.
    push_chunks = ["foo", "bar"]

    def read(n):
        chunk = push_chunks.pop(0) if push_chunks else None
        if chunk:
            # synchronous call
            r.push(chunk)
        else:
            # asynchronous call
            next_tick(lambda: r.push(None))

    r = Readable(read=read)

    _test(r)
    run()
