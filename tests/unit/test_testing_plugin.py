"""The pytest plugin as a user sees it: a tiny project's test file run by pytester.

Each inner run is a subprocess (``runpytest_subprocess``): the plugin is found through
the installed ``pytest11`` entry point, exactly as in a user's checkout, and the inner
run's runtime state cannot leak into this one.
"""

from __future__ import annotations

import pytest

from nodenet_uv.testing.node_peer import find_node

pytest_plugins = ["pytester"]

needs_node = pytest.mark.skipif(find_node() is None, reason="node is not installed")

HEADER = """
import pytest
from nodenet_uv.testing.node_peer import find_node
from nodenet_uv import net, run
from nodenet_uv.testing import common

pytestmark = pytest.mark.usefixtures("node_common")
"""


def run_inner(pytester: pytest.Pytester, body: str, *args: str) -> pytest.RunResult:
    pytester.makepyfile(test_user=HEADER + body)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)


def test_plugin_is_registered_as_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user="""
def test_fixtures_exist(request):
    names = request.fixturenames
    for f in ("node_common", "pipe_path", "node"):
        assert request._fixturemanager.getfixturedefs(f, request.node), f
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_must_call_satisfied_passes(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
def test_echo():
    def on_connection(sock):
        sock.on("data", common.mustCall(lambda d: sock.end(d)))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening():
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.on("data", common.mustCall(lambda d: received.append(d)))
        c.on("close", common.mustCall(lambda: server.close()))
        c.write(b"hi")

    received = []
    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
    assert received == [b"hi"]
""",
    )
    result.assert_outcomes(passed=1)


def test_must_call_count_mismatch_fails(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
def test_twice_expected():
    def tick():
        pass
    f = common.mustCall(tick, 2)
    f()

def test_never_called():
    common.mustCall()

def test_at_least():
    f = common.mustCallAtLeast(3)
    f(); f()
""",
    )
    # a test whose body passed and whose teardown check failed counts as passed + error
    result.assert_outcomes(passed=3, errors=3)
    result.stdout.fnmatch_lines(
        [
            "*Mismatched tick function calls. Expected exactly 2, actual 1.*",
            "*at *test_user.py:*",
            "*Mismatched <anonymous> function calls. Expected exactly 1, actual 0.*",
            "*Expected at least 3, actual 2.*",
        ]
    )


def test_must_not_call_and_must_succeed(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
def test_must_not_call():
    common.mustNotCall("boom")(1)

def test_must_succeed_with_error():
    common.mustSucceed()(ValueError("bad"))

def test_must_succeed_ok():
    f = common.mustSucceed(lambda a, b: seen.append((a, b)))
    seen = []
    f(None, 1, 2)
    assert seen == [(1, 2)]

def test_expects_error():
    f = common.expectsError({"code": "ERR_X", "message": "nope"})
    class E(Exception):
        code = "ERR_X"
    f(E("nope"))
""",
    )
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(["*boom (called with 1)*"])


def test_leak_check_reports_active_handle_and_fd(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
import socket

KEEP = []

def test_server_left_listening():
    server = net.createServer()
    server.listen(0)
    # no run(), no close(): the handle stays active

def test_python_socket_left_open():
    KEEP.append(socket.socket())

def test_unref_timer_is_fine():
    from nodenet_uv.timers import setTimeout
    setTimeout(lambda: None, 100000).unref()
""",
    )
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*test left things behind: active TCP handle*",
            "*test left things behind: open fd*socket*",
        ]
    )


def test_leak_check_reports_a_wrap_whose_handle_was_closed_behind_it(
    pytester: pytest.Pytester,
) -> None:
    # The failed-accept leak: a binding wrap whose pyuv handle is closed directly (not
    # through HandleWrap.close) never leaves open_handles.
    result = run_inner(
        pytester,
        """
from nodenet_uv._binding.tcp_wrap import TCP

def test_closed_behind_the_wrap():
    w = TCP()
    w._h.close()
    run()

def test_closed_through_the_wrap():
    w = TCP()
    w.close()
    run()
""",
    )
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*TCP wrap whose handle was closed without it*"])


def test_expect_warning(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
from nodenet_uv.process import process

def test_warning_expected():
    common.expectWarning("DeprecationWarning", "old", "DEP0001")
    process.emitWarning("old", "DeprecationWarning", "DEP0001")
    run()

def test_warning_missing():
    common.expectWarning("Warning", "never")
    run()
""",
    )
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*Mismatched on_warning function calls*"])


def test_pipe_path(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
import os

SEEN = []

def test_listen_on_pipe(pipe_path):
    assert not os.path.exists(pipe_path) and len(pipe_path) < 100
    SEEN.append(pipe_path)
    server = net.createServer()
    server.listen(pipe_path, common.mustCall(lambda: server.close()))
    run()

def test_removed_after():
    assert not os.path.exists(os.path.dirname(SEEN[0]))
""",
    )
    result.assert_outcomes(passed=2)


@needs_node
def test_node_fixture_python_server_node_client(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
def test_node_client(node):
    def on_connection(sock):
        sock.setEncoding("utf8")
        sock.on("data", common.mustCall(lambda d: sock.end(d.upper())))
        sock.on("close", common.mustCall(lambda: server.close()))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening():
        procs.append(node.client(
            "const c = net.connect(port, '127.0.0.1', () => c.write('hello'));"
            "c.setEncoding('utf8'); c.on('data', (d) => process.stdout.write(d));",
            port=server.address()["port"],
        ))

    procs = []
    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
    res = procs[0].wait()
    assert (res.stdout, res.returncode) == ("HELLO", 0)
""",
    )
    result.assert_outcomes(passed=1)


@needs_node
def test_node_fixture_node_server_and_run(pytester: pytest.Pytester) -> None:
    result = run_inner(
        pytester,
        """
def test_node_server(node):
    peer = node.server("net.createServer(s => s.pipe(s)).listen(0, () => ready(server.address().port))")
    assert isinstance(peer.port, int)
    c = net.connect(peer.port, "127.0.0.1")
    c.setEncoding("utf8")
    got = []
    c.on("data", common.mustCall(lambda d: (got.append(d), c.end())))
    c.write("ping")
    run()
    assert got == ["ping"]
    # the server still runs: killed at teardown

def test_ready_with_address(node):
    peer = node.server("net.createServer().listen(0, '127.0.0.1', () => ready())")
    assert peer.ready["address"] == "127.0.0.1" and peer.port == peer.ready["port"]

def test_run(node):
    res = node.run("console.log(process.argv.slice(2).join(',')); console.error(x); process.exit(3)", ["a", "b"], x="err")
    assert (res.stdout, res.stderr, res.returncode) == ("a,b\\n", "err\\n", 3)

def test_server_dies_before_ready(node):
    import pytest
    from nodenet_uv.testing.node_peer import NodeError
    with pytest.raises(NodeError, match="before calling ready"):
        node.server("throw new Error('no server today')")
""",
    )
    result.assert_outcomes(passed=4)


def test_node_fixture_skips_without_node(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NODENET_UV_NODE", "no-such-node-binary")
    pytester.makepyfile(
        test_user="""
def test_needs_node(node):
    raise AssertionError("not reached")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*the `node` fixture needs Node.js*NODENET_UV_NODE*"])
