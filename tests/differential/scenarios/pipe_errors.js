// Pipe errors (node-net-internals.md §13, §14): connect ENOENT / to a regular file, listen
// EADDRINUSE (port -1, not in the message), listen in a missing directory (EACCES).
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodenet-uv-diff-'));
alias(dir, '<dir>');
const props = (e) => [e.code, e.errno, e.syscall, e.address, 'port' in e ? e.port : 'no port'];

const enoent = trace(net.connect(path.join(dir, 'missing.sock')), 'enoent');
enoent.on('error', (e) => mark('enoent', 'props', props(e)));

const file = path.join(dir, 'regular');
fs.writeFileSync(file, '');
const notSocket = trace(net.createConnection({ path: file }), 'regular-file');
notSocket.on('error', (e) => mark('regular-file', 'props', props(e)));

const missingDir = trace(net.createServer(), 'missing-dir', ['listening', 'error', 'close']);
missingDir.on('error', (e) => {
  mark('missing-dir', 'props', props(e));
  mark('missing-dir', 'listening', missingDir.listening);
});
missingDir.listen('/nonexistent-dir-nodenet-uv/x.sock');

const inUse = path.join(dir, 'in-use.sock');
const first = trace(net.createServer(), 'first', ['listening', 'error', 'close']);
first.listen(inUse, () => {
  const second = trace(net.createServer(), 'second', ['listening', 'error', 'close']);
  second.on('error', (e) => {
    mark('second', 'props', props(e));
    mark('second', 'address', second.address());
    first.close(() => {
      fs.unlinkSync(file);
      fs.rmdirSync(dir);
    });
  });
  second.listen({ path: inUse, backlog: 5 });
});
