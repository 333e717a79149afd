// Rule 16 (§15): with maxConnections reached, the server emits 'drop' (sync in the
// accept callback, with a plain data object) and closes the new handle: that client
// sees 'connect', then 'end' and 'close'(false). getConnections() counts only kept ones.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = trace(net.createServer((sock) => {
  mark('server', 'connections', server._connections);
  sock.on('close', () => server.close());
  second();
}), 'server', ['connection', 'drop', 'close', 'error']);
server.maxConnections = 1;

let first;
function second() {
  const c2 = trace(net.connect(server.address().port, '127.0.0.1'), 'client2');
  c2.on('connect', () => alias(c2.localPort, '<client2-port>'));
  c2.resume();
  c2.on('close', () => {
    server.getConnections((err, n) => {
      mark('server', 'getConnections', [err, n]);
      first.end();
    });
  });
}

server.on('drop', (data) => mark('server', 'drop:proto', Object.getPrototypeOf(data) === null));

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  first = trace(net.connect(server.address().port, '127.0.0.1'), 'client1',
                ['connect', 'end', 'close', 'error']);
  first.resume();
});
