// A Node peer for the interop tests. Usage:
//   node peer.js server <mode> [path]  prints {"port": N} (or {"path": P} when listening on
//                                      the Unix socket P) then one JSON result line;
//                                      '@name' is the abstract socket '\0name'
//   node peer.js client <mode> <port|path>  prints one JSON result line; a non-numeric
//                                      argument is a Unix socket path
// Modes:
//   bulk-clientfirst: the client sends SIZE bytes and ends; the server (allowHalfOpen)
//     reads to the end, then sends SIZE bytes and ends. Both report sha256 of what they
//     sent and received.
//   bulk-serverfirst: the same with roles swapped (the server sends and ends first).
//   rst: the client resets the connection after its first read (resetAndDestroy);
//     the server reports the error it sees.
//   rst-peer: the server resets after its first read; the client reports its error.
//   short: INTEROP_SHORT_N connections one after the other: the client connects, sends
//     one message, the server echoes it and ends, the client ends; the server closes
//     after the last one. Both report how many round trips they saw.
'use strict';
const net = require('net');
const crypto = require('crypto');

const [role, mode, portArg] = process.argv.slice(2);
const SIZE = Number(process.env.INTEROP_SIZE || 64 * 1024 * 1024);
const CHUNK = 64 * 1024;

function sendAll(sock, data, done) {
  let off = 0;
  function pump() {
    while (off < data.length) {
      const ok = sock.write(data.subarray(off, off + CHUNK));
      off += CHUNK;
      if (!ok) { sock.once('drain', pump); return; }
    }
    sock.end(done);
  }
  pump();
}

function receiver(sock) {
  const h = crypto.createHash('sha256');
  let n = 0;
  sock.on('data', (d) => { h.update(d); n += d.length; });
  return () => ({ sha: h.digest('hex'), len: n });
}

function report(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }

const payload = crypto.randomBytes(SIZE);
const sentSha = crypto.createHash('sha256').update(payload).digest('hex');

function bulk(sock, sendFirst, result) {
  const recv = receiver(sock);
  const events = [];
  sock.on('end', () => {
    events.push('end');
    if (!sendFirst) sendAll(sock, payload);
  });
  sock.on('finish', () => events.push('finish'));
  sock.on('error', (e) => { result.error = e.code; });
  sock.on('close', (hadError) => {
    events.push('close');
    Object.assign(result, recv(), { sent_sha: sentSha, sent_len: SIZE, events, hadError });
    report(result);
    if (server) server.close();
  });
  if (sendFirst) sendAll(sock, payload);
}

// The resetter says hello; the other side answers only once it has read it, so the RST
// reaches a peer that is idle in read() (a RST racing unread data is reported as EOF by
// some network stacks, gVisor's among them).
function rst(sock, resetter, result) {
  sock.once('data', () => {
    if (resetter) sock.resetAndDestroy();
    else sock.write('x'.repeat(100));
  });
  sock.on('error', (e) => { result.error = e.code; result.message = e.message; });
  sock.on('close', (hadError) => { result.hadError = hadError; report(result); if (server) server.close(); });
  if (resetter) sock.write('hello');
}

const SHORT_N = Number(process.env.INTEROP_SHORT_N || 1000);

function shortServer(sock, result) {
  sock.once('data', (d) => { sock.end(d); });
  sock.on('error', (e) => { result.error = e.code; });
  sock.on('close', () => {
    result.connections = (result.connections || 0) + 1;
    if (result.connections === SHORT_N) { server.close(); report(result); }
  });
}

function shortClient(target, result) {
  let i = 0;
  result.ok = 0;
  function next() {
    if (i === SHORT_N) { report(result); return; }
    const msg = `message ${i++}`;
    const sock = net.connect(target, () => sock.write(msg));
    let got = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { got += d; });
    sock.on('end', () => sock.end());
    sock.on('error', (e) => { result.error = e.code; });
    sock.on('close', () => { if (got === msg) result.ok++; next(); });
  }
  next();
}

let server = null;
function handle(sock, isClient) {
  const result = { role };
  if (mode === 'bulk-clientfirst') bulk(sock, isClient, result);
  else if (mode === 'bulk-serverfirst') bulk(sock, !isClient, result);
  else if (mode === 'rst') rst(sock, isClient, result);
  else if (mode === 'rst-peer') rst(sock, !isClient, result);
  else throw new Error('unknown mode ' + mode);
}

// argv cannot carry a NUL: '@name' stands for the abstract socket '\0name' (as ss shows it).
const isPath = portArg !== undefined && !/^[0-9]+$/.test(portArg);
const pipePath = isPath && portArg[0] === '@' ? `\0${portArg.slice(1)}` : portArg;
const target = isPath ? { path: pipePath } : { port: Number(portArg), host: '127.0.0.1' };

if (role === 'server') {
  const result = { role };
  server = net.createServer({ allowHalfOpen: true }, (sock) => {
    if (mode === 'short') shortServer(sock, result);
    else handle(sock, false);
  });
  if (isPath) server.listen(pipePath, () => report({ path: server.address() }));
  else server.listen(0, '127.0.0.1', () => report({ port: server.address().port }));
} else if (mode === 'short') {
  shortClient(target, { role });
} else {
  const sock = net.connect({ ...target, allowHalfOpen: true });
  handle(sock, true);
}
