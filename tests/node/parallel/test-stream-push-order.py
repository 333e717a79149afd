"""Port of test/parallel/test-stream-push-order.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable


def test_push_order() -> None:
    s = Readable({"highWaterMark": 20, "encoding": "ascii"})

    lst = ["1", "2", "3", "4", "5", "6"]

    def _read(n):
        one = lst.pop(0) if lst else None
        if not one:
            s.push(None)
        else:
            two = lst.pop(0) if lst else None
            s.push(one)
            s.push(two)

    s._read = _read

    # ACTUALLY [1, 3, 5, 6, 4, 2]

    s.read(0)
    run()
    assert ",".join(s.readableBuffer) == "1,2,3,4,5,6"
