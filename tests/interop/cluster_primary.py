"""A nodenet_uv cluster primary for tests/interop/test_cluster_interop.py and
bench/cluster_bench.py: ``python cluster_primary.py KIND...`` forks one worker per KIND,
``py`` (cluster_worker.py, or $PY_WORKER) or ``js`` (cluster_worker.js, or $JS_WORKER, run
by $NODENET_UV_NODE: the NODE_CLUSTER messages are node's, so a node process is a worker
like any other); $WORKER_ARGS, a JSON list, is their arguments. The same program as
cluster_primary.js; see there for the output and the control connection.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

from nodenet_uv import cluster, net, run

HERE = Path(__file__).resolve().parent
kinds = sys.argv[1:]
NODE = os.environ["NODENET_UV_NODE"]
PY_WORKER = os.environ.get("PY_WORKER") or str(HERE / "cluster_worker.py")
JS_WORKER = os.environ.get("JS_WORKER") or str(HERE / "cluster_worker.js")
ARGS = json.loads(os.environ.get("WORKER_ARGS") or "[]")  # the workers' argv


def js(v: Any) -> str:
    return v if isinstance(v, str) else json.dumps(v)


def log(*a: Any) -> None:
    sys.stdout.write(" ".join(js(x) for x in a) + "\n")
    sys.stdout.flush()


state: dict[str, Any] = {"listening": 0, "port": None, "failed": False}
kind_of: dict[int, str] = {}


def on_control(c: net.Socket) -> None:
    quit = [False]

    def on_data(d: str) -> None:
        if quit[0] or "quit" not in d:
            return
        quit[0] = True

        def done() -> None:
            log("disconnected")
            c.destroy()
            ctl.close()

        cluster.disconnect(done)

    def on_close(*_: Any) -> None:
        if quit[0]:
            return
        for w in list(cluster.workers.values()):
            w.kill()
        ctl.close()
        state["failed"] = True

    c.setEncoding("utf8")
    c.on("data", on_data)
    c.on("close", on_close)


ctl = net.createServer(on_control)


def on_listening(w: cluster.Worker, a: dict[str, Any]) -> None:
    log("listening", w.id, a["port"])
    if state["port"] is not None and state["port"] != a["port"]:
        raise AssertionError(f"port {a['port']} != {state['port']}")
    state["port"] = a["port"]
    state["listening"] += 1
    if state["listening"] == len(kinds):
        ctl.listen(0, "127.0.0.1", lambda: log("ready", state["port"], ctl.address()["port"]))


cluster.on("online", lambda w: log("online", w.id, w.process.pid, kind_of[w.id]))
cluster.on("listening", on_listening)
cluster.on("disconnect", lambda w: log("disconnect", w.id))
cluster.on("exit", lambda w, code, sig: log("exit", w.id, code, sig, w.exitedAfterDisconnect))

for kind in kinds:
    if kind == "py":
        cluster.setupPrimary(
            {"exec": PY_WORKER, "args": ARGS, "execArgv": [], "execPath": sys.executable}
        )
    else:
        cluster.setupPrimary({"exec": JS_WORKER, "args": ARGS, "execArgv": [], "execPath": NODE})
    kind_of[cluster.fork().id] = kind
run()
sys.exit(1 if state["failed"] else 0)
