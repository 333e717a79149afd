// Rule 8 (§15), §16: allowHalfOpen true: after the peer's FIN the accepted socket is
// 'writeOnly', is not ended for us, can still write; 'close' only after our own end()
// has finished. The client (allowHalfOpen false) reads the late reply.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  trace(sock, 'server-socket');
  mark('server-socket', 'allowHalfOpen', sock.allowHalfOpen);
  sock.on('data', () => {});
  sock.on('end', () => {
    mark('server-socket', 'end:readyState', sock.readyState);
    setTimeout(() => {
      mark('server-socket', 'later:readyState', sock.readyState);
      mark('server-socket', 'later:writableEnded', sock.writableEnded);
      sock.write('reply', () => mark('server-socket', 'write-cb', sock.readyState));
      sock.end(() => mark('server-socket', 'end-cb', sock.readyState));
    }, 30);
  });
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client',
                       ['data', 'end', 'finish', 'close', 'error']);
  client.end('hi');
  client.on('data', () => mark('client', 'data:readyState', client.readyState));
});
