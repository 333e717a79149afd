"""Port of test/parallel/test-child-process-execfile.js (fixtures/exit.js and echo.js are the
same programs in Python, written to a temporary directory; process.execPath is the Python
interpreter)."""

from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import child_process as cp
from nodenet_uv import errors, events, run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.child_process import execFile, execFileSync
from nodenet_uv.process import process
from nodenet_uv.testing import common

execPath = process.execPath

EXIT = "import sys\nsys.exit(int(sys.argv[1]))\n"
ECHO = """import sys
sys.stdout.write('hello world\\r\\n')
sys.stdout.flush()
for line in sys.stdin:
    sys.stdout.write(line)
    sys.stdout.flush()
"""


@pytest.fixture
def fixtures(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "exit.py").write_text(EXIT)
    (tmp_path / "echo.py").write_text(ECHO)
    return str(tmp_path / "exit.py"), str(tmp_path / "echo.py")


def test_execfile(fixtures: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fixture, echoFixture = fixtures
    execOpts = {
        "encoding": "utf8",
        "shell": True,
        "env": {**process.env, "NODE": execPath, "FIXTURE": fixture},
    }
    common.expectWarning(
        "DeprecationWarning",
        "Passing args to a child process with shell option true can lead to security "
        "vulnerabilities, as the arguments are not escaped, only concatenated.",
        "DEP0190",
    )
    monkeypatch.setattr(cp, "_emittedDEP0190Already", False)  # once per process

    def check42(e: Any, *a: Any) -> None:
        # Check that arguments are included in message
        assert e.message.strip() == f"Command failed: {execPath} {fixture} 42"
        assert e.code == 42

    execFile(execPath, [fixture, 42], common.mustCall(check42))

    # Verify that negative exit codes can be translated to UV error names.
    errorString = f"Error: Command failed: {execPath}"
    code = -1

    def callback(err: Any, stdout: Any, stderr: Any) -> None:
        assert f"{err.name}: {err.message}".strip() == errorString
        assert err.code == errors.getSystemErrorName(code)
        assert err.killed is True
        assert err.signal is None
        assert err.cmd == execPath
        assert stdout.strip() == ""
        assert stderr.strip() == ""

    child = execFile(execPath, common.mustCall(callback))
    child.kill()
    child.emit("close", code, None)

    # Verify the shell option works properly
    execFile('"$NODE"', ['"$FIXTURE"', 0], execOpts, common.mustSucceed())

    # Verify that the signal option works properly
    ac = AbortController()

    def test() -> None:
        def check(err: Any, *a: Any) -> None:
            assert err.code == "ABORT_ERR"
            assert err.name == "AbortError"
            assert not hasattr(err, "signal")  # undefined

        execFile(execPath, [echoFixture, 0], {"signal": ac.signal}, common.mustCall(check))

    # Verify that it still works the same way now that the signal is aborted.
    common.mustCall(test)()
    ac.abort()

    # Verify that does not spawn a child if already aborted
    signal = AbortSignal.abort()

    def check2(err: Any, *a: Any) -> None:
        assert err.code == "ABORT_ERR"
        assert err.name == "AbortError"
        assert not hasattr(err, "signal")

    execFile(execPath, [echoFixture, 0], {"signal": signal}, common.mustCall(check2))

    # Verify that if something different than Abortcontroller.signal is passed,
    # ERR_INVALID_ARG_TYPE is thrown
    with pytest.raises(TypeError) as info:
        execFile(execPath, [echoFixture, 0], {"signal": "hello"}, common.mustNotCall())
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    # Verify that the process completing removes the abort listener
    ac2 = AbortController()

    def callback3(err: Any, *a: Any) -> None:
        assert len(events.getEventListeners(ac2.signal, "abort")) == 0
        assert err is None

    execFile(execPath, [fixture, 0], {"signal": ac2.signal}, common.mustCall(callback3))

    # Verify the execFile() stdout is the same as execFileSync().
    file = "echo"
    args = ["foo", "bar"]
    # Test with and without `{ shell: true }`
    for options in ({"encoding": "utf8"}, {"shell": True, "encoding": "utf8"}):
        execFileSyncStdout = execFileSync(file, args, options)
        assert execFileSyncStdout == "foo bar\n"

        def same(_: Any, stdout: Any, *a: Any, expected: str = execFileSyncStdout) -> None:
            assert stdout == expected

        execFile(file, args, options, common.mustCall(same))
    run()
