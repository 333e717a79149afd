"""Port of test/parallel/test-stream-duplex-readable-end.js."""

# https://github.com/nodejs/node/issues/35926
from nodenet_uv import run
from nodenet_uv.stream import Readable, Transform
from nodenet_uv.testing import common


def test_duplex_readable_end() -> None:
    loops = 5

    def read(n):
        nonlocal loops
        cont = loops
        loops -= 1
        if cont:
            src.push(bytes(20000))

    src = Readable({"highWaterMark": 16 * 1024, "read": read})

    def transform(chunk, output, fn):
        dst.push(None)
        fn()

    dst = Transform({"highWaterMark": 16 * 1024, "transform": transform})

    src.pipe(dst)

    dst.on("data", lambda *a: None)

    def on_end():
        assert loops == 3
        assert src.isPaused()

    dst.on("end", common.mustCall(on_end))
    run()
