"""Port of test/parallel/test-timers-api-refs.js.

Deleting the globals has no Python twin (there are none): the test uses the module's
functions, which is what it checks in Node.
"""

from nodenet_uv import run, timers
from nodenet_uv.testing import common


def test_api_refs() -> None:
    timeout = None
    interval = None
    immediate = None

    def timeoutCallback():
        timers.clearTimeout(timeout)

    timeout = timers.setTimeout(common.mustCall(timeoutCallback), 1)

    def intervalCallback():
        timers.clearInterval(interval)

    interval = timers.setInterval(common.mustCall(intervalCallback), 1)

    def immediateCallback():
        timers.clearImmediate(immediate)

    immediate = timers.setImmediate(immediateCallback)
    run()
