// Rules 15, 20 (§15): server.close() stops listening at once but 'close' (and the close
// callback) waits until the last connection is gone, then comes on nextTick;
// getConnections() answers on nextTick.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const clients = [];
let n = 0;
const server = trace(net.createServer((sock) => {
  const id = ++n;
  sock.resume();
  sock.on('close', () => {
    mark('server', 'socket-close', [id, server._connections]);
    process.nextTick(() => mark('server', 'socket-close+tick', id));
  });
  if (id === 1) {
    connect();
    return;
  }
  server.close((err) => mark('server', 'close-cb', [err, server.listening]));
  mark('server', 'after-close', [server.listening, server.address()]);
  server.getConnections((err, count) => {
    mark('server', 'getConnections', [err, count]);
    clients[0].end();
  });
  mark('server', 'getConnections-is-async');
}), 'server', ['listening', 'connection', 'close']);

function connect() {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  clients.push(c);
  c.on('close', () => {
    if (c === clients[0]) {
      server.getConnections((err, count) => {
        mark('server', 'getConnections', [err, count]);
        clients[1].end();
      });
    }
  });
}

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  connect();
});
