"""Port of test/parallel/test-event-emitter-max-listeners-warning.js."""

from nodenet_uv import events, process, run
from nodenet_uv.testing import common


def test_max_listeners_warning() -> None:
    class FakeInput(events.EventEmitter):
        def resume(self):
            pass

        def pause(self):
            pass

        def write(self):
            pass

        def end(self):
            pass

    e = FakeInput()
    e.setMaxListeners(1)

    def on_warning(warning):
        assert isinstance(warning, Exception)
        assert warning.name == "MaxListenersExceededWarning"
        assert warning.emitter is e
        assert warning.count == 2
        assert warning.type == "event-type"
        assert "2 event-type listeners added to [FakeInput]. MaxListeners is 1." in warning.message

    process.on("warning", common.mustCall(on_warning))

    e.on("event-type", lambda: None)
    e.on("event-type", lambda: None)  # Trigger warning.
    e.on("event-type", lambda: None)  # Verify that warning is emitted only once.
    run()
