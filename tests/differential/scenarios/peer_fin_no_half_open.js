// Rule 6 (§15), §16: the peer sends data then FIN and allowHalfOpen is false: the
// accepted socket sees 'data' -> 'end' -> (nextTick end()) 'prefinish' -> 'finish' ->
// 'close'(false); readyState at each step. Rule 19: no 'ready' on an accepted socket.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = trace(net.createServer((sock) => {
  trace(sock, 'server-socket');
  sock.on('data', () => mark('server-socket', 'data:readyState', sock.readyState));
  mark('server-socket', 'readyState', sock.readyState);
  mark('server-socket', 'flags', [sock.pending, sock.connecting, sock.allowHalfOpen]);
  sock.on('end', () => {
    mark('server-socket', 'end:readyState', sock.readyState);
    mark('server-socket', 'end:flags', [sock.readableEnded, sock.writableEnded, sock.writable]);
    process.nextTick(() => mark('server-socket', 'end+tick:writableEnded', sock.writableEnded));
  });
  sock.on('finish', () => {
    mark('server-socket', 'finish:readyState', sock.readyState);
    mark('server-socket', 'finish:destroyed', sock.destroyed);
  });
  sock.on('close', () => {
    mark('server-socket', 'close:readyState', sock.readyState);
    server.close();
  });
}), 'server');

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = net.connect(server.address().port, '127.0.0.1');
  client.end('hello');
  client.resume();
});
