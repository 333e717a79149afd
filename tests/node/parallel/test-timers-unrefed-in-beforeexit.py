"""Port of test/parallel/test-timers-unrefed-in-beforeexit.js."""

from nodenet_uv import process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_unrefed_in_beforeexit() -> None:
    process.on("beforeExit", common.mustCall(lambda: setTimeout(common.mustNotCall(), 1).unref()))
    run()
