"""A Python primary with two Python workers serving one port; prints what it sees."""

from nodenet_uv import cluster, net, run

if cluster.isPrimary:
    print("primary policy", cluster.schedulingPolicy, flush=True)
    listening = []
    got: list[bytes] = []

    def on_listening(w, addr):
        listening.append(addr["port"])
        if len(listening) < 2:
            return
        print("same port", listening[0] == listening[1], flush=True)
        for _j in range(4):
            c = net.connect(addr["port"], "127.0.0.1")

            def on_data(d, c=c):
                got.append(d)
                c.end()
                if len(got) == 4:
                    print("got", len(got), all(x in (b"w1", b"w2") for x in got), flush=True)
                    cluster.disconnect(lambda: print("disconnected", flush=True))

            c.on("data", on_data)

    cluster.on("listening", on_listening)
    cluster.on(
        "exit", lambda w, code, sig: print("exit", code, sig, w.exitedAfterDisconnect, flush=True)
    )
    for _i in range(2):
        cluster.fork()
else:
    srv = net.createServer(lambda s: s.end(f"w{cluster.worker.id}"))
    srv.listen(0, "127.0.0.1")
run()
