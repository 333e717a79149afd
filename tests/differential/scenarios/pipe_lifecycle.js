// Pipe lifecycle (node-net-internals.md §13): listen on a path, connect, echo, FIN both
// ways, close; addresses of a pipe server and its sockets; the file is gone after close.
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodenet-uv-diff-'));
const sockPath = path.join(dir, 'lifecycle.sock');
alias(dir, '<dir>');

const server = trace(net.createServer((sock) => {
  trace(sock, 'server-socket', ['data', 'end', 'finish', 'close', 'error']);
  mark('server-socket', 'addresses',
       [sock.remoteAddress, sock.localAddress, sock.address(), sock.remotePort]);
  sock.on('data', (d) => sock.write(d));
  sock.on('end', () => {
    mark('server-socket', 'bytes at end', [sock.bytesRead, sock.bytesWritten]);
    sock.end('bye');
  });
}), 'server', ['listening', 'connection', 'close', 'error']);

server.listen(sockPath, () => {
  mark('server', 'address', server.address());
  mark('server', 'file exists', fs.existsSync(sockPath));
  const client = trace(net.connect(sockPath), 'client');
  mark('client', 'state', [client.readyState, client.pending, client.connecting]);
  client.on('connect', () => {
    mark('client', 'addresses',
         [client.remoteAddress, client.localAddress, client.address(), client.remoteFamily]);
    mark('client', 'state', [client.readyState, client.pending, client.connecting]);
    client.write('hello');
  });
  client.once('data', () => client.end());
  client.on('finish', () => mark('client', 'state', [client.readyState]));
  client.on('close', () => {
    mark('client', 'bytes', [client.bytesRead, client.bytesWritten]);
    server.close(() => {
      mark('server', 'file exists after close', fs.existsSync(sockPath));
      mark('server', 'address after close', server.address());
      fs.rmdirSync(dir);
    });
  });
});
