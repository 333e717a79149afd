"""Port of test/parallel/test-cluster-message.js (the primary and the worker are this file
run by Python: the primary ends with process.exit)."""

import json
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_message() -> None:
    common.run_as_primary(__file__)


def _worker() -> None:
    # Create a tcp server. This will be used as cluster-shared-server and as an
    # alternative IPC channel.
    server = net.Server()
    socket: Any = None
    message: Any = None

    def maybe_reply() -> None:
        if not socket or not message:
            return
        # Tell primary using TCP socket that a message is received.
        socket.write(json.dumps({"code": "received message", "echo": message}))

    def on_connection(socket_: Any) -> None:
        nonlocal socket
        socket = socket_
        maybe_reply()
        # Send a message back over the IPC channel.
        PROC.send("message from worker")

    server.on("connection", on_connection)

    def on_message(message_: Any) -> None:
        nonlocal message
        message = message_
        maybe_reply()

    PROC.on("message", on_message)
    server.listen(0)
    run()


def _primary() -> None:
    checks: dict[str, dict[str, bool]] = {
        "global": {"receive": False, "correct": False},
        "primary": {"receive": False, "correct": False},
        "worker": {"receive": False, "correct": False},
    }
    client: Any = None

    def check(type_: str, result: bool) -> None:
        checks[type_]["receive"] = True
        checks[type_]["correct"] = result
        print("check", checks, file=sys.stderr)
        missing = any(c["receive"] is False for c in checks.values())
        if missing is False:
            print("end client", file=sys.stderr)
            client.end()

    # Spawn worker
    worker = cluster.fork()

    # When a IPC message is received from the worker
    worker.on("message", lambda message, *a: check("primary", message == "message from worker"))

    def on_cluster_message(worker_: Any, message: Any, *a: Any) -> None:
        assert worker_ is worker
        check("global", message == "message from worker")

    cluster.on("message", common.mustCall(on_cluster_message))

    # When a TCP server is listening in the worker connect to it
    def on_listening(address: Any) -> None:
        nonlocal client
        # Send message to worker.
        client = net.connect(address["port"], lambda: worker.send("message from primary"))

        def on_data(data: bytes) -> None:
            # All data is JSON
            parsed = json.loads(data.decode())
            if parsed["code"] == "received message":
                check("worker", parsed["echo"] == "message from primary")
            else:
                raise Exception(f"wrong TCP message received: {parsed}")

        client.on("data", on_data)
        # When the connection ends kill worker and shutdown process
        client.on("end", lambda: worker.kill())
        worker.on("exit", common.mustCall(lambda *a: PROC.exit(0)))

    worker.on("listening", common.mustCall(on_listening))
    try:
        run()
    except SystemExit as e:
        assert e.code == 0
    # node: process.once('exit', ...)
    for type_, c in checks.items():
        assert c["receive"], f"The {type_} did not receive any message"
        assert c["correct"], f"The {type_} did not get the correct message"


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
