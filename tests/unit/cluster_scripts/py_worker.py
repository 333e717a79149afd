from nodenet_uv import cluster, net, run

srv = net.createServer(lambda s: s.end(f"py{cluster.worker.id}"))
srv.listen(0, "127.0.0.1")
run()
