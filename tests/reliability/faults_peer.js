// The node side of test_faults.py's differentials; faults.py is the Python twin (same
// scenarios, same result fields). Each prints one JSON line.
//   node faults_peer.js resetter            a server: prints {"port"}; for each connection
//                                           it reads until it has 64 KiB or sees 'end', then
//                                           resetAndDestroy()s; prints {"peer_read"} per
//                                           connection; closes after the first.
//   node faults_peer.js rst-mid-write <port> <size>
//                                           one write(size B, cb) then end(): the events.
//   node faults_peer.js half-close-rst <port>
//                                           end() at once (allowHalfOpen), then read: the
//                                           events (the resetter answers the FIN with RST).
//   node faults_peer.js throw-in-data       server + client in one process: the first
//                                           'data' listener call throws; the events, what
//                                           uncaughtException saw and what the server read.
'use strict';
const net = require('net');

const [scenario, portArg, sizeArg] = process.argv.slice(2);
function report(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }

function track(sock, result) {
  result.events = [];
  sock.on('finish', () => result.events.push('finish'));
  sock.on('end', () => result.events.push('end'));
  sock.on('error', (e) => result.events.push(`error:${e.code}:${e.syscall}`));
  sock.on('close', (hadError) => {
    result.events.push(`close:${hadError}`);
    result.bytesWritten = sock.bytesWritten;
    result.bytesRead = sock.bytesRead;
    result.destroyed = sock.destroyed;
    result.writableFinished = sock.writableFinished;
    report(result);
  });
}

if (scenario === 'resetter' || scenario === 'resetter-after-send') {
  // resetter-after-send: sends 256 KiB at once, then resets 100 ms later (the client is
  // paused meanwhile: the data is unread when the RST comes).
  const sendFirst = scenario === 'resetter-after-send';
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    let n = 0;
    let done = false;
    const reset = () => {
      if (done) return;
      done = true;
      report({ peer_read: n });
      sock.resetAndDestroy();
      server.close();
    };
    sock.on('data', (d) => { n += d.length; if (n >= 65536) reset(); });
    sock.on('end', reset);
    sock.on('error', () => {});
    if (sendFirst) {
      sock.write(Buffer.alloc(256 * 1024, 0x63));
      setTimeout(reset, 100);
    }
  });
  server.listen(0, '127.0.0.1', () => report({ port: server.address().port }));
} else if (scenario === 'sink') {
  // reads one connection to its end: prints {"sha", "len"}.
  const crypto = require('crypto');
  const server = net.createServer((sock) => {
    const h = crypto.createHash('sha256');
    let n = 0;
    sock.on('data', (d) => { h.update(d); n += d.length; });
    sock.on('end', () => { report({ sha: h.digest('hex'), len: n }); sock.end(); server.close(); });
  });
  server.listen(0, '127.0.0.1', () => report({ port: server.address().port }));
} else if (scenario === 'encodings') {
  // The same writes as faults.py ENCODED, in and out of cork(): bytesWritten after each.
  const result = { after: [] };
  const writes = JSON.parse(sizeArg);
  const sock = net.connect(Number(portArg), '127.0.0.1', () => {
    writes.forEach(([value, enc, corked], i) => {
      if (corked) sock.cork();
      const v = enc === 'buffer' ? Buffer.from(value, 'hex') : value;
      if (enc === 'buffer' || enc === 'default') sock.write(v);
      else sock.write(v, enc);
      result.after.push(sock.bytesWritten);
      if (corked) process.nextTick(() => sock.uncork());
    });
    sock.end();
  });
  track(sock, result);
} else if (scenario === 'rst-mid-write') {
  const size = Number(sizeArg);
  const result = {};
  const sock = net.connect(Number(portArg), '127.0.0.1', () => {
    result.writeReturned = sock.write(Buffer.alloc(size, 0x61), (err) => {
      result.events.push(`write-cb:${err ? err.code : 'ok'}`);
    });
    sock.end(() => result.events.push('end-cb'));
  });
  track(sock, result);
} else if (scenario === 'paused-rst') {
  // paused from the start; resumes 300 ms later, after the peer's data and RST came.
  const result = { got: 0 };
  const sock = net.connect(Number(portArg), '127.0.0.1');
  sock.pause();
  sock.on('data', (d) => { result.got += d.length; });
  setTimeout(() => sock.resume(), 300);
  track(sock, result);
} else if (scenario === 'half-close-rst' || scenario === 'half-close-rst-no-half-open') {
  const result = {};
  const allowHalfOpen = scenario === 'half-close-rst';
  const sock = net.connect({ port: Number(portArg), host: '127.0.0.1', allowHalfOpen }, () => {
    sock.end(() => result.events.push('end-cb'));
  });
  sock.resume();
  track(sock, result);
} else if (scenario === 'throw-in-data') {
  const result = { uncaught: [], serverRead: '', serverEvents: [] };
  process.on('uncaughtException', (e, origin) => {
    result.uncaught.push(`${e.message}:${origin}`);
  });
  let first = true;
  const server = net.createServer((s) => {
    s.setEncoding('utf8');
    s.on('data', (d) => {
      if (first) { first = false; throw new Error('boom in data'); }
      result.serverRead += d;
    });
    s.on('data', (d) => { result.serverEvents.push(`data2:${d}`); });
    s.on('end', () => { result.serverEvents.push('end'); s.end(); });
    s.on('close', () => { result.serverEvents.push('close'); server.close(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.write('one');
    // The second chunk goes later so it arrives as a 'data' of its own.
    setTimeout(() => c.end('two'), 50);
    c.resume();
    c.on('close', () => {
      result.clientClosed = true;
      setImmediate(() => report(result));
    });
  });
} else if (scenario === 'destroy-pending') {
  // A server that never reads; the client fills the kernel, queues more, corks two
  // small writes, end()s, and destroy()s: every callback, in order, with its error.
  const result = { cbs: [] };
  const held = [];
  const server = net.createServer({ pauseOnConnect: true }, (s) => held.push(s));
  server.listen(0, '127.0.0.1', () => {
    const sock = net.connect(server.address().port, '127.0.0.1', () => {
      const big = Buffer.alloc(8 << 20, 0x62);
      for (let i = 0; i < 4; i++) sock.write(big, (e) => result.cbs.push(`big${i}:${e ? e.code : 'ok'}`));
      sock.cork();
      sock.write('a', (e) => result.cbs.push(`a:${e ? e.code : 'ok'}`));
      sock.write('b', (e) => result.cbs.push(`b:${e ? e.code : 'ok'}`));
      sock.end((e) => result.cbs.push(`end:${e ? e.code : 'ok'}`));
      result.beforeDestroy = { writableLength: sock.writableLength > 0, bytesWritten: sock.bytesWritten };
      sock.destroy();
      result.afterDestroy = { bytesWritten: sock.bytesWritten };
      sock.on('close', () => { server.close(); held.forEach((h) => h.destroy()); });
    });
    track(sock, result);
  });
} else if (scenario === 'throw-everywhere') {
  // Every kind of callback raises once (under an uncaughtException listener): what each
  // socket saw afterwards, in order, and the origins of what was caught.
  const result = { uncaught: [], server: [], client: [] };
  // Node's own streams stop half-way when a 'finish' or 'end' listener throws (the
  // sockets never close): the record is taken at 1.5 s, whatever state it is in.
  setTimeout(() => { report(result); process.exit(0); }, 1500);
  process.on('uncaughtException', (e, origin) => result.uncaught.push(`${e.message}:${origin}`));
  const boom = (where) => { throw new Error(`boom in ${where}`); };
  const server = net.createServer((s) => {
    s.on('data', (d) => { result.server.push(`data:${d}`); if (String(d).startsWith('1')) boom('server data'); });
    s.on('end', () => { result.server.push('end'); s.end('bye', () => { result.server.push('end-cb'); boom('server end callback'); }); boom('server end'); });
    s.on('close', () => { result.server.push('close'); server.close(() => { result.server.push('server-close'); boom('server close callback'); }); });
    boom('connection listener');
  });
  server.on('connection', () => result.server.push('connection-2'));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.setEncoding('utf8');
    c.on('connect', () => {
      result.client.push('connect');
      c.write('1st', () => { result.client.push('write-cb'); boom('write callback'); });
      setTimeout(() => { result.client.push('timer'); c.end('2nd'); boom('timer'); }, 30);
      boom('connect');
    });
    c.on('data', (d) => { result.client.push(`data:${d}`); });
    c.on('end', () => { result.client.push('end'); });
    c.on('finish', () => { result.client.push('finish'); boom('finish'); });
    c.on('close', () => { result.client.push('close'); boom('close'); });
  });
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
