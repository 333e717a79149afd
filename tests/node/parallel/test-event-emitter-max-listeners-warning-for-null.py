"""Port of test/parallel/test-event-emitter-max-listeners-warning-for-null.js.

JS ``null`` has no Python twin: ``None`` is ``undefined`` (docs/python-rules.md), so the event
name prints as "undefined" (Node's ``String(type)``) where Node's test has "null".
"""

from nodenet_uv import events, process, run
from nodenet_uv.testing import common


def test_warning_for_none_event() -> None:
    e = events.EventEmitter()
    e.setMaxListeners(1)

    def on_warning(warning):
        assert isinstance(warning, Exception)
        assert warning.name == "MaxListenersExceededWarning"
        assert warning.emitter is e
        assert warning.count == 2
        assert warning.type is None
        assert (
            "2 undefined listeners added to [EventEmitter]. MaxListeners is 1." in warning.message
        )

    process.on("warning", common.mustCall(on_warning))

    e.on(None, lambda: None)
    e.on(None, lambda: None)
    run()
