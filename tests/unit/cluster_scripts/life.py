import json
import os
import sys

from nodenet_uv import cluster, net, process, run


def js(v):
    return (
        {True: "true", False: "false", None: ""}.get(v, v)
        if not isinstance(v, (int, str)) or isinstance(v, bool)
        else v
    )


def log(*a, file=sys.stdout):
    print(" ".join(str(js(x)) for x in a), flush=True, file=file)


if cluster.isPrimary:
    log("primary", cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.schedulingPolicy)
    cluster.on(
        "setup",
        lambda s: log(
            "setup",
            "string" if isinstance(s["exec"], str) else "x",
            json.dumps(s["args"]),
            s["silent"],
        ),
    )
    cluster.on("fork", lambda w: log("fork", w.id, w.state))
    cluster.on("online", lambda w: log("online", w.id, w.state))
    cluster.on("message", lambda w, m: log("message", w.id, json.dumps(m, separators=(",", ":"))))

    def on_listening(w, a):
        log(
            "listening",
            w.id,
            w.state,
            a["addressType"],
            a["address"],
            "number" if isinstance(a["port"], int) else "x",
        )
        c = net.connect(a["port"], "127.0.0.1")
        c.on("data", lambda d: (log("data", d.decode()), c.end()))
        c.on("close", lambda: w.send({"bye": 1}))

    cluster.on("listening", on_listening)
    cluster.on(
        "disconnect",
        lambda w: log("disconnect", w.id, w.state, w.exitedAfterDisconnect, w.isConnected()),
    )
    cluster.on(
        "exit",
        lambda w, code, sig: log(
            "exit",
            w.id,
            code,
            sig,
            w.state,
            w.exitedAfterDisconnect,
            w.isDead(),
            len(cluster.workers),
        ),
    )
    w = cluster.fork({"FOO": "bar"})
    w.on("disconnect", lambda: log("worker disconnect"))
    w.on("exit", lambda code, sig: log("worker exit", code, sig))
    w.on(
        "message",
        lambda m: (
            log("worker message", json.dumps(m, separators=(",", ":"))) if m.get("hi") else None
        ),
    )
    log("workers", ",".join(str(k) for k in cluster.workers), w.id, w.state)
else:
    net.createServer(lambda s: s.end("hello")).listen(0, "127.0.0.1")
    process.send(
        {
            "hi": cluster.worker.id,
            "env": os.environ.get("FOO"),
            "uid": "NODE_UNIQUE_ID" not in os.environ,
            "w": cluster.isWorker,
            "p": cluster.isPrimary,
        }
    )
    process.on("message", lambda m: cluster.worker.disconnect() if m.get("bye") else None)
    cluster.worker.on(
        "disconnect",
        lambda: log(
            "child disconnect",
            cluster.worker.exitedAfterDisconnect,
            cluster.worker.state,
            file=sys.stderr,
        ),
    )
run()
