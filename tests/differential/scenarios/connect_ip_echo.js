// Rule 1 (node-net-internals.md §15): connect to an IP literal: connectionAttempt on
// nextTick, then connect and ready in the same tick; data, FIN both ways, close(false).
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = trace(net.createServer((sock) => {
  trace(sock, 'server-socket', ['data', 'end', 'finish', 'close', 'error']);
  sock.on('data', (d) => sock.write(d));
  sock.on('end', () => sock.end());
}), 'server', ['listening', 'close', 'error']);

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  mark('client', 'readyState', client.readyState);
  mark('client', 'pending', client.pending);
  client.on('connect', () => mark('client', 'readyState', client.readyState));
  client.on('data', () => client.end());
  client.on('finish', () => mark('client', 'readyState', client.readyState));
  client.on('close', () => {
    mark('client', 'bytes', [client.bytesRead, client.bytesWritten]);
    server.close();
  });
  client.write('hello');
});
