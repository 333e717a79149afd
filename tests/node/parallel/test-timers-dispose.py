"""Port of test/parallel/test-timers-dispose.js.

``timer[Symbol.dispose]()`` is ``__exit__`` (the end of a ``with`` block) in Python.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate, setInterval, setTimeout


def test_dispose() -> None:
    timer = setTimeout(common.mustNotCall(), 10)
    interval = setInterval(common.mustNotCall(), 10)
    immediate = setImmediate(common.mustNotCall())

    timer.__exit__(None, None, None)
    interval.__exit__(None, None, None)
    immediate.__exit__(None, None, None)

    with setTimeout(common.mustNotCall(), 10) as t2, setImmediate(common.mustNotCall()) as i2:
        pass
    run()

    # process.on('exit')
    assert timer._destroyed is True
    assert interval._destroyed is True
    assert immediate._destroyed is True
    assert t2._destroyed is True
    assert i2._destroyed is True
