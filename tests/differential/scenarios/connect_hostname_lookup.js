// Rules 2, 19 (§15): a hostname connect emits 'lookup' (once per address) before
// 'connectionAttempt', then 'connect' and 'ready'; the connect() callback runs before
// a 'connect' listener added later. No 'ready' on the accepted socket.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = trace(net.createServer((sock) => {
  trace(sock, 'server-socket');
  sock.end('bye');
}), 'server');

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, 'localhost', () => {
    mark('client', 'connect-callback', client.readyState);
  }), 'client');
  mark('client', 'readyState', client.readyState);
  mark('client', 'connecting', client.connecting);
  mark('client', 'remoteAddress', client.remoteAddress);
  client.on('connect', () => {
    mark('client', 'remote', [client.remoteAddress, client.remotePort, client.remoteFamily]);
    mark('client', 'attempted', client.autoSelectFamilyAttemptedAddresses);
  });
  client.resume();
  client.on('close', () => server.close());
});
