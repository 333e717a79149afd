"""Port of test/parallel/test-timers-same-timeout-wrong-list-deleted.js.

This is a regression test for https://github.com/nodejs/node/issues/7722.

When nested timers have the same timeout, calling clearTimeout on the older timer after
it has fired causes the list the newer timer is in to be deleted. Since the newer timer
was not cleared, it still blocks the event loop completing for the duration of its
timeout, however, since no reference exists to it in its list, it cannot be canceled and
its callback is not called when the timeout ends.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearTimeout, setTimeout

TIMEOUT = common.platformTimeout(100)


def test_same_timeout_wrong_list_deleted() -> None:
    def first():
        clearTimeout(handle1)

        handle2 = setTimeout(common.mustNotCall(), TIMEOUT)

        setTimeout(common.mustCall(lambda: clearTimeout(handle2)), 1)

    handle1 = setTimeout(common.mustCall(first), TIMEOUT)
    run()
