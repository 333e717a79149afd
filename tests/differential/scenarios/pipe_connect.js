// Rules 1, 3, 6 (§15) on a Unix socket: 'connectionAttempt'(path) is emitted
// synchronously inside connect(); address() is {} and remoteAddress undefined; a
// missing path fails asynchronously with connect ENOENT <path> -> 'error' -> 'close'(true).
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodenet-'));
alias(dir, '<dir>');
const sockPath = path.join(dir, 's.sock');

const server = trace(net.createServer((sock) => {
  trace(sock, 'server-socket', ['data', 'end', 'finish', 'close']);
  mark('server-socket', 'addresses', [sock.address(), sock.remoteAddress]);
  sock.resume();
}), 'server', ['listening', 'close']);

server.listen(sockPath, () => {
  mark('server', 'address', server.address());
  const c = net.connect(sockPath);
  trace(c, 'client', ['connectionAttempt', 'connect', 'ready', 'end', 'finish', 'close']);
  c.on('connect', () => {
    mark('client', 'addresses', [c.address(), c.remoteAddress, c.readyState]);
    c.end('x');
  });
  c.resume();
  c.on('close', () => {
    server.close(() => {
      mark('server', 'file-after-close', fs.existsSync(sockPath));
      const bad = trace(net.connect(path.join(dir, 'missing.sock')), 'missing');
      mark('missing', 'connecting', bad.connecting);
      bad.on('error', (err) => {
        mark('missing', 'error:props', [err.errno, err.syscall, err.address, 'port' in err]);
      });
      bad.on('close', () => fs.rmSync(dir, { recursive: true }));
    });
  });
});
