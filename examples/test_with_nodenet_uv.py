"""Testing your own nodenet_uv code against the real Node.js, with the pytest plugin.

Installing nodenet_uv registers its pytest plugin, so in your project you only write
tests. Run this one with::

    pytest examples/test_with_nodenet_uv.py

``node_common`` checks every ``common.mustCall`` count when the test ends and fails the
test if it left a handle, timer or fd open; ``node`` runs JavaScript under the real
``node`` as the peer (the test is skipped if node is not installed); ``pipe_path`` is a
fresh Unix socket path.
"""

from __future__ import annotations

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.testing.node_peer import NodePeer

# Every test in this module gets the call-count and leak checks (or put this fixture,
# autouse, in your conftest.py).
pytestmark = pytest.mark.usefixtures("node_common")


def make_upper_server() -> net.Server:
    """The code under test: a line-based server that answers each line in upper case."""

    def on_connection(sock: net.Socket) -> None:
        sock.setEncoding("utf8")
        pending = [""]

        def on_data(chunk: str) -> None:
            pending[0] += chunk
            *lines, pending[0] = pending[0].split("\n")
            for line in lines:
                sock.write(line.upper() + "\n")

        sock.on("data", on_data)
        sock.on("end", lambda: sock.end())

    return net.createServer(on_connection)


NODE_CLIENT = """
const sock = net.connect(port, '127.0.0.1', () => {
  sock.write('hello\\nwor');
  setTimeout(() => sock.end('ld\\n'), 10);   // a line split across two writes
});
let got = '';
sock.setEncoding('utf8');
sock.on('data', (d) => { got += d; });
sock.on('end', () => console.log(JSON.stringify(got)));
"""


def test_python_server_with_node_client(node: NodePeer) -> None:
    server = make_upper_server()
    clients = []

    def on_listening() -> None:
        # `port=` becomes the JavaScript constant `port` in the snippet.
        clients.append(node.client(NODE_CLIENT, port=server.address()["port"]))

    server.on("connection", common.mustCall(lambda sock: sock.on("close", lambda: server.close())))
    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()  # returns once the server is closed and nothing else is pending

    result = clients[0].wait()
    assert result.returncode == 0, result.stderr
    assert result.stdout == '"HELLO\\nWORLD\\n"\n'


def test_python_client_with_node_server(node: NodePeer) -> None:
    # ready() with no argument reports server.address(); .port is its port.
    peer = node.server(
        "net.createServer(s => { s.setEncoding('utf8'); s.on('data', d => s.end(d + '!')); })"
        ".listen(0, '127.0.0.1', () => ready())"
    )
    client = net.connect(peer.port, "127.0.0.1")
    client.setEncoding("utf8")
    replies: list[str] = []
    client.on("data", common.mustCall(replies.append))
    client.on("end", common.mustCall())
    client.write("ping")
    run()
    assert replies == ["ping!"]
    # the node server keeps running; the fixture kills it at teardown


def test_unix_socket_server(pipe_path: str, node: NodePeer) -> None:
    server = make_upper_server()
    clients = []

    def on_listening() -> None:
        clients.append(
            node.client(
                "const s = net.connect(path, () => s.end('unix\\n'));"
                "s.on('data', (d) => process.stdout.write(d));",
                path=pipe_path,
            )
        )

    server.on("connection", common.mustCall(lambda sock: sock.on("close", lambda: server.close())))
    server.listen(pipe_path, common.mustCall(on_listening))
    run()
    assert clients[0].wait().check().stdout == "UNIX\n"
