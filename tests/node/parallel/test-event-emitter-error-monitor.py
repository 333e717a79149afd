"""Port of test/parallel/test-event-emitter-error-monitor.js."""

import pytest

from nodenet_uv import events, process, run
from nodenet_uv.errors import JsError
from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


def test_error_monitor() -> None:
    EE = EventEmitter()
    theErr = JsError("MyError")

    def on_error_monitor(e):
        assert e is theErr

    EE.on(EventEmitter.errorMonitor, common.mustCall(on_error_monitor, 3))

    # Verify with no error listener
    with pytest.raises(JsError) as info:
        EE.emit("error", theErr)
    assert info.value is theErr

    # Verify with error listener
    def on_error(e):
        assert e is theErr

    EE.once("error", common.mustCall(on_error))
    EE.emit("error", theErr)

    # Verify it works with once
    process.nextTick(lambda: EE.emit("error", theErr))

    # assert.rejects(EventEmitter.once(EE, 'notTriggered'), theErr).then(common.mustCall())
    def rejected(err):
        assert err is theErr

    events.once(EE, "notTriggered").then(common.mustNotCall(), common.mustCall(rejected))

    # Only error events trigger error monitor
    EE.on("aEvent", common.mustCall())
    EE.emit("aEvent")
    run()
