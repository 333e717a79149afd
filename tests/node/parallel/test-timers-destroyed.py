"""Port of test/parallel/test-timers-destroyed.js."""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, clearTimeout, setInterval, setTimeout


def test_destroyed() -> None:
    # We don't really care about the calling results here.
    # So, this makes the test less fragile.
    def noop():
        pass

    t1 = setTimeout(common.mustNotCall(), 1)
    t2 = setTimeout(common.mustCall(), 1)
    i1 = setInterval(common.mustNotCall(), 1)
    i2 = setInterval(noop, 1)
    i2.unref()

    # Keep process alive for i2 to call once due to timer ordering.
    setTimeout(common.mustCall(), 1)

    clearTimeout(t1)
    clearInterval(i1)
    run()

    # process.on('exit')
    assert t1._destroyed is True
    assert t2._destroyed is True
    assert i1._destroyed is True
    assert i2._destroyed is False
