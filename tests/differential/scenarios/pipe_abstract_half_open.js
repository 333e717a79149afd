// Pipes beyond the basics: a Linux abstract name (leading NUL), allowHalfOpen both ways,
// pause/resume with bytesRead, an idle timeout, maxConnections 'drop' (no argument for
// pipes), and a connect to an abstract name nobody listens on (ECONNREFUSED).
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const name = `\0nodenet-uv-diff-${process.pid}`;
alias(name, '<abstract>');

let first = true;
const server = trace(net.createServer({ allowHalfOpen: true }, (sock) => {
  if (!first) return;
  first = false;
  trace(sock, 'server-socket', ['data', 'end', 'finish', 'close', 'error', 'timeout']);
  sock.pause();
  sock.setTimeout(30);
  sock.on('timeout', () => {
    mark('server-socket', 'bytesRead before resume', sock.bytesRead);
    sock.resume();
  });
  sock.on('end', () => {
    sock.setTimeout(0);
    sock.end('after your FIN');
  });
}), 'server', ['listening', 'connection', 'close', 'error', 'drop']);
server.maxConnections = 1;

server.listen(name, () => {
  mark('server', 'address', server.address());
  const client = trace(net.connect({ path: name, allowHalfOpen: true }), 'client',
                       ['connect', 'data', 'end', 'finish', 'close', 'error']);
  client.end('half');
  client.resume();
  client.on('connect', () => {
    const dropped = trace(net.connect(name), 'dropped',
                          ['connect', 'end', 'close', 'error']);
    dropped.resume();
  });
  client.on('close', () => {
    mark('client', 'bytes', [client.bytesRead, client.bytesWritten]);
    const refused = trace(net.connect(`${name}-nobody`), 'refused',
                          ['connect', 'close', 'error']);
    refused.on('error', () => {});
    refused.on('close', () => server.close());
  });
});
