"""Run JavaScript under the real ``node`` as the peer of a Python test.

The pytest fixture ``node`` (see :mod:`nodenet_uv.testing.plugin`) is a :class:`NodePeer`;
it can also be used on its own::

    with NodePeer() as node:
        peer = node.server("net.createServer(s => s.pipe(s)).listen(0, () => ready())")
        ...                         # connect a nodenet_uv client to peer.port
        print(peer.wait().stdout)

A *snippet* runs as the body of a CommonJS script (``require`` works) with ``net``,
``assert`` and a ``ready(value)`` function already defined. The snippet's completion value
(the value of its last expression statement, as with ``eval``) is stored in ``server``, so
``net.createServer(...).listen(0, () => ready(server.address().port))`` works. ``ready()``
with no argument reports ``server.address()``. Keyword arguments given to
:meth:`NodePeer.server`/:meth:`NodePeer.client`/:meth:`NodePeer.run` (other than the
reserved ``args``, ``env``, ``timeout``) become JavaScript constants of the same name:
``node.client("net.connect(port, ...)", port=8000)``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["NodeError", "NodeNotFound", "NodePeer", "NodeProcess", "NodeResult", "find_node"]

READY_KEY = "__nodenet_uv_ready__"

_PRELUDE = """\
const net = require('net');
const assert = require('assert');
let server;
function ready(value) {
  if (value === undefined && server && typeof server.address === 'function') {
    value = server.address();
  }
  process.stdout.write(JSON.stringify({ READY_KEY: value === undefined ? null : value }) + '\\n');
}
""".replace("READY_KEY", READY_KEY)


class NodeNotFound(RuntimeError):
    """There is no ``node`` executable (set ``NODENET_UV_NODE`` or put node on PATH)."""


class NodeError(AssertionError):
    """The node peer failed: it exited before ``ready()``, or did not report in time."""


def find_node() -> str | None:
    """The node executable: ``$NODENET_UV_NODE``, else ``node`` on PATH; None if missing."""
    wanted = os.environ.get("NODENET_UV_NODE", "node")
    return shutil.which(wanted)


@dataclass
class NodeResult:
    """What a finished node process left: its output and exit status."""

    stdout: str
    stderr: str
    returncode: int

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def check(self) -> NodeResult:
        """Raise :class:`NodeError` (with stderr) unless node exited with status 0."""
        if self.returncode != 0:
            raise NodeError(f"node exited with status {self.returncode}:\n{self.stderr}")
        return self


_open_processes: weakref.WeakSet[NodeProcess] = weakref.WeakSet()


def peer_fds() -> set[int]:
    """The pipe fds of node processes not closed yet (the ``node`` fixture closes them at
    its teardown, which may come after the leak check's)."""
    fds: set[int] = set()
    for proc in list(_open_processes):
        for f in (proc.popen.stdout, proc.popen.stderr):
            if f is not None and not f.closed:
                fds.add(f.fileno())
    return fds


class NodeProcess:
    """A running node process. ``ready``/``port`` hold what it passed to ``ready()``."""

    def __init__(self, popen: subprocess.Popen[str], script: Path | None) -> None:
        _open_processes.add(self)
        self.popen = popen
        self.ready: Any = None
        self._script = script
        self._out: list[str] = []
        self._err: list[str] = []
        self._ready_seen = threading.Event()
        self._ready_called = False
        self._threads = [
            threading.Thread(target=self._pump_stdout, daemon=True),
            threading.Thread(target=self._pump_stderr, daemon=True),
        ]
        for t in self._threads:
            t.start()

    # Reader threads: node's pipes are drained all the time, so a chatty peer never
    # blocks on a full pipe while the Python side runs its own event loop.
    def _pump_stdout(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            if not self._ready_seen.is_set() and line.startswith("{") and READY_KEY in line:
                try:
                    self.ready = json.loads(line)[READY_KEY]
                except ValueError:
                    self._out.append(line)
                    continue
                self._ready_called = True
                self._ready_seen.set()
                continue
            self._out.append(line)
        self._ready_seen.set()  # EOF: wake a waiter, who then sees the exit

    def _pump_stderr(self) -> None:
        assert self.popen.stderr is not None
        for line in self.popen.stderr:
            self._err.append(line)

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def port(self) -> int | None:
        """The port from ``ready(port)`` or ``ready({port, ...})`` (e.g. ``server.address()``)."""
        if isinstance(self.ready, int) and not isinstance(self.ready, bool):
            return self.ready
        if isinstance(self.ready, dict) and isinstance(self.ready.get("port"), int):
            return int(self.ready["port"])
        return None

    @property
    def stdout(self) -> str:
        """The output so far (the ready line excepted)."""
        return "".join(self._out)

    @property
    def stderr(self) -> str:
        return "".join(self._err)

    @property
    def returncode(self) -> int | None:
        return self.popen.poll()

    def wait_ready(self, timeout: float = 10.0) -> Any:
        """Block until the script called ``ready()``; return the value it passed."""
        if not self._ready_seen.wait(timeout):
            self.kill()
            raise NodeError(f"node did not call ready() within {timeout} s:\n{self.stderr}")
        if not self._ready_called:
            # stdout reached EOF first: the process ended without calling ready().
            try:
                code: int | None = self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
            self._threads[1].join(5)
            raise NodeError(
                f"node exited with status {code} before calling ready():\n{self.stderr}"
                + (f"\nstdout:\n{self.stdout}" if self.stdout else "")
            )
        return self.ready

    def wait(self, timeout: float = 30.0) -> NodeResult:
        """Wait for the process to exit; its output and exit status."""
        try:
            code = self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise NodeError(f"node did not exit within {timeout} s:\n{self.stderr}") from None
        for t in self._threads:
            t.join(5)
        return NodeResult(self.stdout, self.stderr, code)

    def kill(self) -> None:
        """Kill the process (SIGKILL) if it still runs, and reap it."""
        if self.popen.poll() is None:
            self.popen.kill()
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a zombie we cannot reap
            pass
        for t in self._threads:
            t.join(5)

    def close(self) -> None:
        """Kill if needed and release the pipes and the temp script."""
        self.kill()
        for f in (self.popen.stdin, self.popen.stdout, self.popen.stderr):
            if f is not None:
                f.close()
        if self._script is not None:
            self._script.unlink(missing_ok=True)
            self._script = None


class NodePeer:
    """Starts node processes for a test and kills what is left when closed."""

    def __init__(self, executable: str | None = None) -> None:
        exe = executable or find_node()
        if exe is None:
            raise NodeNotFound(
                "node (Node.js) was not found: install it or set NODENET_UV_NODE to its path"
            )
        self.executable = exe
        self._procs: list[NodeProcess] = []
        self._dir: str | None = None

    @property
    def version(self) -> str:
        out = subprocess.run(
            [self.executable, "--version"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip()

    def _script_file(self, snippet: str, consts: Mapping[str, Any]) -> Path:
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="nodenet-uv-node.")
        lines = [_PRELUDE]
        for name, value in consts.items():
            if not name.isidentifier():
                raise ValueError(f"{name!r} is not a JavaScript identifier")
            lines.append(f"const {name} = {json.dumps(value)};\n")
        # Direct eval keeps require/module in scope and yields the snippet's completion
        # value (a server built by a chained expression, typically).
        lines.append(f"server = eval({json.dumps(snippet)});\n")
        fd, name = tempfile.mkstemp(suffix=".js", dir=self._dir)
        with os.fdopen(fd, "w") as f:
            f.write("".join(lines))
        return Path(name)

    def spawn(
        self,
        script: str,
        *,
        args: Iterable[str] = (),
        env: Mapping[str, str] | None = None,
        **consts: Any,
    ) -> NodeProcess:
        """Start node without waiting. ``script`` is a snippet or the path of a .js/.mjs
        file (which then runs as is, without the prelude)."""
        temp: Path | None = None
        if _is_script_path(script):
            if consts:
                raise TypeError("constants can only be given to a snippet, not a script file")
            target = str(script)
        else:
            temp = self._script_file(script, consts)
            target = str(temp)
        popen = subprocess.Popen(
            [self.executable, target, *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env} if env is not None else None,
        )
        proc = NodeProcess(popen, temp)
        self._procs.append(proc)
        return proc

    def server(
        self,
        snippet: str,
        *,
        args: Iterable[str] = (),
        env: Mapping[str, str] | None = None,
        timeout: float = 10.0,
        **consts: Any,
    ) -> NodeProcess:
        """Start a node peer and wait until it calls ``ready(...)``; ``.port`` is its port."""
        proc = self.spawn(snippet, args=args, env=env, **consts)
        proc.wait_ready(timeout)
        return proc

    def client(
        self,
        snippet: str,
        *,
        args: Iterable[str] = (),
        env: Mapping[str, str] | None = None,
        **consts: Any,
    ) -> NodeProcess:
        """Start a node peer that talks to a Python server; returns at once.

        Run your event loop (``nodenet_uv.run()``) so the Python side can serve it, then
        ``proc.wait()`` gives its stdout, stderr and exit code.
        """
        return self.spawn(snippet, args=args, env=env, **consts)

    def run(
        self,
        script: str,
        args: Iterable[str] = (),
        *,
        env: Mapping[str, str] | None = None,
        timeout: float = 30.0,
        **consts: Any,
    ) -> NodeResult:
        """Run a snippet or script file to its end: stdout, stderr and exit code.

        This blocks: the peer must not need this process's event loop (use
        :meth:`client` for a node client of a Python server).
        """
        proc = self.spawn(script, args=args, env=env, **consts)
        try:
            return proc.wait(timeout)
        finally:
            proc.close()
            self._procs.remove(proc)

    def close(self) -> None:
        """Kill every process still running and remove the temp scripts."""
        procs, self._procs = self._procs, []
        for proc in procs:
            proc.close()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> NodePeer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _is_script_path(script: str) -> bool:
    if "\n" in script or not script.endswith((".js", ".mjs", ".cjs")):
        return False
    return Path(script).is_file()
