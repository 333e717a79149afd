"""Port of test/parallel/test-stream-pipe-multiple-pipes.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_multiple_pipes() -> None:
    readable = Readable({"read": lambda n: None})

    writables = []

    for _ in range(5):
        # (A JS `const` in the loop body: each write closure sees its own target.)
        def make_target():
            def write(chunk, encoding, callback):
                target.output.append(chunk)
                callback()

            target = Writable({"write": common.mustCall(write, 1)})
            target.output = []
            return target

        target = make_target()

        target.on("pipe", common.mustCall())
        readable.pipe(target)

        writables.append(target)

    input = bytes([1, 2, 3, 4, 5])

    readable.push(input)

    # The pipe() calls will postpone emission of the 'resume' event using nextTick,
    # so no data will be available to the writable streams until then.
    def tick():
        for target in writables:
            assert target.output == [input]

            target.on("unpipe", common.mustCall())
            readable.unpipe(target)

        readable.push("something else")  # This does not get through.
        readable.push(None)
        readable.resume()  # Make sure the 'end' event gets emitted.

    next_tick(common.mustCall(tick))

    def on_end():
        for target in writables:
            assert target.output == [input]

    readable.on("end", common.mustCall(on_end))
    run()
