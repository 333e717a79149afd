import os

from nodenet_uv import cluster, net, run

cluster.setupPrimary(
    {"exec": os.environ["WORKER"], "args": [], "execPath": os.environ["NODENET_UV_NODE"]}
)
n = [0]
for _i in range(2):
    cluster.fork()


def on_listening(w, a):
    print("listening", w.id, a)
    n[0] += 1
    if n[0] == 2:
        got = []
        for _j in range(4):
            c = net.connect(a["port"], "127.0.0.1")

            def ondata(d, c=c):
                got.append(d)
                c.end()
                if len(got) == 4:
                    print("got", sorted(got))
                    cluster.disconnect(lambda: print("disconnected"))

            c.on("data", ondata)


cluster.on("listening", on_listening)
cluster.on("exit", lambda w, code, sig: print("exit", w.id, code, sig, w.exitedAfterDisconnect))
run()
