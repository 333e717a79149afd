"""Port of test/parallel/test-stream-pipe-unpipe-streams.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_unpipe_streams() -> None:
    source = Readable({"read": lambda n: None})
    dest1 = Writable({"write": lambda *args: None})
    dest2 = Writable({"write": lambda *args: None})

    source.pipe(dest1)
    source.pipe(dest2)

    dest1.on("unpipe", common.mustCall())
    dest2.on("unpipe", common.mustCall())

    assert source._readableState.pipes[0] is dest1
    assert source._readableState.pipes[1] is dest2
    assert len(source._readableState.pipes) == 2

    # Should be able to unpipe them in the reverse order that they were piped.

    source.unpipe(dest2)

    assert source._readableState.pipes == [dest1]
    assert source._readableState.pipes is not dest2

    dest2.on("unpipe", common.mustNotCall())
    source.unpipe(dest2)

    source.unpipe(dest1)

    assert len(source._readableState.pipes) == 0
    run()


def test_cleanup_when_unpiping_all() -> None:
    # Test `cleanup()` if we unpipe all streams.
    source = Readable({"read": lambda n: None})
    dest1 = Writable({"write": lambda *args: None})
    dest2 = Writable({"write": lambda *args: None})

    dest_count = 0
    src_check_event_names = ["end", "data"]
    dest_check_event_names = ["close", "finish", "drain", "error", "unpipe"]

    def check_src():
        assert len(source._readableState.pipes) == 0
        assert source._readableState.flowing is False
        for event_name in src_check_event_names:
            assert source.listenerCount(event_name) == 0, (
                f"source's '{event_name}' event listeners not removed"
            )

    check_src_cleanup = common.mustCall(check_src)

    def check_dest_cleanup(dest):
        nonlocal dest_count
        dest_count += 1
        current_dest_id = dest_count
        source.pipe(dest)

        def check():
            nonlocal dest_count
            assert dest.listeners("unpipe") == [unpipe_checker], (
                f"destination{{{current_dest_id}}} should have a 'unpipe' event "
                "listener which is `unpipeChecker`"
            )
            dest.removeListener("unpipe", unpipe_checker)
            for event_name in dest_check_event_names:
                assert dest.listenerCount(event_name) == 0, (
                    f"destination{{{current_dest_id}}}'s '{event_name}' event listeners not removed"
                )

            dest_count -= 1
            if dest_count == 0:
                check_src_cleanup()

        unpipe_checker = common.mustCall(check)

        dest.on("unpipe", unpipe_checker)

    check_dest_cleanup(dest1)
    check_dest_cleanup(dest2)
    source.unpipe()
    run()


def test_unpipe_in_resume() -> None:
    src = Readable({"read": lambda n: None})
    dst = Writable({"write": lambda *args: None})
    src.pipe(dst)

    def on_resume():
        src.on("pause", common.mustCall())
        src.unpipe(dst)

    src.on("resume", common.mustCall(on_resume))
    run()
