"""Port of test/parallel/test-timers-active.js."""

import types

from nodenet_uv import run, timers


def test_active() -> None:
    # active() should create timers for these
    legitTimers = [
        types.SimpleNamespace(_idleTimeout=0),
        types.SimpleNamespace(_idleTimeout=1),
    ]

    for legit in legitTimers:
        savedTimeout = legit._idleTimeout
        timers.active(legit)
        # active() should mutate these objects
        assert legit._idleTimeout == savedTimeout
        assert isinstance(legit._idleStart, int)
        assert legit._idleNext
        assert legit._idlePrev

    # active() should not create a timer for these
    bogusTimers = [
        types.SimpleNamespace(_idleTimeout=-1),
        types.SimpleNamespace(_idleTimeout=None),
    ]

    for bogus in bogusTimers:
        savedTimeout = bogus._idleTimeout
        timers.active(bogus)
        # active() should not mutate these objects
        assert vars(bogus) == {"_idleTimeout": savedTimeout}
    run()  # the legit timers fire (they have no _onTimeout), as at the end of Node's test
