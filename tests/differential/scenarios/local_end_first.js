// Rule 7 (§15), §16: we end() first: 'finish' (after the shutdown completes) comes
// before 'end'; the socket is 'readOnly' and stays open until the peer's FIN (the peer
// has allowHalfOpen and ends 50 ms later); then 'end' and 'close'(false).
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  sock.resume();
  sock.on('end', () => setTimeout(() => sock.end('late'), 50));
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  client.on('connect', () => {
    client.end();
    mark('client', 'after-end:readyState', client.readyState);
    mark('client', 'after-end:flags', [client.writableEnded, client.writableFinished]);
  });
  client.on('data', (d) => mark('client', 'data:readyState', client.readyState));
  client.on('finish', () => {
    mark('client', 'finish:readyState', client.readyState);
    setTimeout(() => mark('client', 'finish+20ms:readyState', client.readyState), 20);
  });
  client.on('end', () => mark('client', 'end:readyState', client.readyState));
  client.on('close', () => {
    mark('client', 'close:readyState', client.readyState);
    server.close();
  });
});
