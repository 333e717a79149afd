"""Port of test/parallel/test-timers-args.js."""

from nodenet_uv import run
from nodenet_uv.timers import clearInterval, setTimeout


def _range(n):
    return list(range(n + 1))


def test_timers_args() -> None:
    def timeout(nargs):
        args = _range(nargs)

        def callback(*got):
            assert list(got) == args
            if nargs < 128:
                timeout(nargs + 1)

        setTimeout(callback, 1, *args)

    def interval(nargs):
        args = _range(nargs)

        def callback(*got):
            clearInterval(timer)
            assert list(got) == args
            if nargs < 128:
                interval(nargs + 1)

        timer = setTimeout(callback, 1, *args)

    timeout(0)
    interval(0)
    run()
