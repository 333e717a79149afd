"""Port of test/parallel/test-event-emitter-max-listeners-warning-for-symbol.js."""

from nodenet_uv import events, process, run
from nodenet_uv.testing import common


def test_warning_for_symbol_event() -> None:
    symbol = events.Symbol("symbol")

    e = events.EventEmitter()
    e.setMaxListeners(1)

    def on_warning(warning):
        assert isinstance(warning, Exception)
        assert warning.name == "MaxListenersExceededWarning"
        assert warning.emitter is e
        assert warning.count == 2
        assert warning.type is symbol
        assert (
            "2 Symbol(symbol) listeners added to [EventEmitter]. MaxListeners is 1."
            in warning.message
        )

    process.on("warning", common.mustCall(on_warning))

    e.on(symbol, lambda: None)
    e.on(symbol, lambda: None)
    run()
