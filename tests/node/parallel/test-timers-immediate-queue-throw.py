"""Port of test/parallel/test-timers-immediate-queue-throw.js.

Partial: the domain block (``d1.run(() => setImmediate(() => { throw ... }))`` and its
``d1.once('error')`` checks) is left out, nodenet_uv has no domain module. What stays
checks that an immediate that throws hands the error to 'uncaughtException' once, that
the rest of the queue still runs in the same check phase, and that the tick queued by the
throwing immediate waits until the next immediate ran (stage 1).
"""

from nodenet_uv import process, run
from nodenet_uv.errors import JsError
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

errObj = {"name": "Error", "message": "setImmediate Err"}


def test_immediate_queue_throw() -> None:
    threw = False
    stage = -1

    QUEUE = 10

    def on_uncaught(err, errorOrigin):
        assert errorOrigin == "uncaughtException"
        assert stage == 0
        common.expectsError(errObj)(err)

    process.once("uncaughtException", common.mustCall(on_uncaught))

    def _run(callStage):
        nonlocal stage
        assert callStage >= stage
        stage = callStage
        if threw:
            return
        setImmediate(run_, 2)

    run_ = common.mustCall(_run, QUEUE * 3)

    for _ in range(QUEUE):
        setImmediate(run_, 0)

    def thrower():
        nonlocal threw
        threw = True

        def check_stage():
            assert stage == 1

        process.nextTick(check_stage)
        raise JsError("setImmediate Err")

    setImmediate(thrower)
    for _ in range(QUEUE):
        setImmediate(run_, 1)
    run()
