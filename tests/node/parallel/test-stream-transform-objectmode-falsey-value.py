"""Port of test/parallel/test-stream-transform-objectmode-falsey-value.js."""

from nodenet_uv import run
from nodenet_uv.stream import PassThrough
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval


def test_objectmode_falsey_value() -> None:
    src = PassThrough({"objectMode": True})
    tx = PassThrough({"objectMode": True})
    dest = PassThrough({"objectMode": True})

    expect = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    results = []

    dest.on("data", common.mustCall(results.append, len(expect)))

    src.pipe(tx).pipe(dest)

    i = -1

    def tick():
        nonlocal i
        if len(results) == len(expect):
            src.end()
            clearInterval(interval)
            assert results == expect
        else:
            src.write(i)
            i += 1

    interval = setInterval(common.mustCall(tick, len(expect) + 1), 1)
    run()
