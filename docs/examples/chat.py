# A line-protocol chat server and two scripted clients, in one process.
# Protocol: one message per line; "/nick NAME" renames you, "/quit" leaves.
from nodenet_uv import net, run

clients = set()
next_id = 1


def broadcast(sender, line):
    for c in clients:
        if c is not sender:
            c.write(f"{line}\n")


def on_lines(socket, fn):
    buffered = ""
    socket.setEncoding("utf8")

    def on_data(chunk):
        nonlocal buffered
        buffered += chunk
        while (i := buffered.find("\n")) != -1:
            line = buffered[:i]
            buffered = buffered[i + 1 :]
            fn(line)

    socket.on("data", on_data)


def on_connection(socket):
    global next_id
    socket.name = f"guest{next_id}"
    next_id += 1
    clients.add(socket)
    socket.write(f"welcome {socket.name}\n")
    broadcast(socket, f"* {socket.name} joined")

    def on_line(line):
        if line.startswith("/nick "):
            old = socket.name
            socket.name = line[6:]
            broadcast(None, f"* {old} is now {socket.name}")
        elif line == "/quit":
            socket.end("bye\n")
        else:
            broadcast(socket, f"{socket.name}: {line}")

    on_lines(socket, on_line)

    def on_close():
        clients.discard(socket)
        broadcast(socket, f"* {socket.name} left")
        if len(clients) == 0:
            server.close()

    socket.on("close", on_close)


server = net.createServer(on_connection)

# The clients: each reacts to what it receives, so the conversation is one causal chain.
transcripts = []


def client(label, react):
    received = []
    transcripts.append((label, received))
    socket = net.connect(server.address()["port"], "127.0.0.1")

    def on_line(line):
        received.append(line)
        react(line, socket)

    on_lines(socket, on_line)


def react_a(line, socket):
    if line == "welcome guest1":
        client("B", react_b)
    elif line == "* guest2 joined":
        socket.write("hi B\n")
    elif line == "* guest2 is now bob":
        socket.write("/quit\n")


def react_b(line, socket):
    if line == "guest1: hi B":
        socket.write("/nick bob\n")
    elif line == "* guest1 left":
        socket.write("/quit\n")


server.listen(0, "127.0.0.1", lambda: client("A", react_a))


def on_server_close():
    for label, lines in transcripts:
        for line in lines:
            print(f"{label} < {line}")


server.on("close", on_server_close)
run()
