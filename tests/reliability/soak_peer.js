// The node side of the soak (tests/reliability/test_soak.py), the twin of soak.py.
//   node soak_peer.js server <0|path>            echo server for one connection: prints
//                                                {"listening": port|path}, then the result
//   node soak_peer.js client <port|path> <size> <seed>
//                                                the random client: prints the result
// Result: {"recv_sha", "recv_len", "sent_sha", "sent_len", "bytesRead", "bytesWritten",
//          "events", "error"} (the server: what it received and echoed).
// The client writes <size> bytes in random chunks (1 B .. 256 KiB), random runs of them
// corked then uncorked (at once or on the next tick), waits for 'drain' when write()
// returns false, then end()s; its reader pause()s on its first 'data' event and on
// 10 % of the others, and resume()s after a random 0..3 ms (or on setImmediate). The
// echo server writes back what it reads, pausing while its write buffer is full, and
// end()s after 'end'.
'use strict';
const net = require('net');
const crypto = require('crypto');

const [role, where, sizeArg, seedArg] = process.argv.slice(2);
const isPath = !/^[0-9]+$/.test(where);
const pipePath = isPath && where[0] === '@' ? `\0${where.slice(1)}` : where;

function report(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }

// xorshift128+ is overkill: a small LCG seeded from argv gives reproducible choices.
let state = (Number(seedArg || 1) >>> 0) || 1;
function rand() {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 4294967296;
}
function chunkSize() {
  // log-uniform 1 B .. 256 KiB
  return Math.max(1, Math.floor(Math.exp(rand() * Math.log(256 * 1024))));
}

if (role === 'server') {
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    const h = crypto.createHash('sha256');
    let n = 0;
    const events = [];
    const result = {};
    sock.on('data', (d) => {
      h.update(d);
      n += d.length;
      if (!sock.write(d)) {
        sock.pause();
        sock.once('drain', () => sock.resume());
      }
    });
    sock.on('end', () => { events.push('end'); sock.end(); });
    sock.on('finish', () => events.push('finish'));
    sock.on('error', (e) => { result.error = e.code; });
    sock.on('close', (hadError) => {
      events.push('close');
      const sha = h.digest('hex');
      Object.assign(result, {
        recv_sha: sha, recv_len: n, sent_sha: sha, sent_len: n,
        bytesRead: sock.bytesRead, bytesWritten: sock.bytesWritten, events, hadError,
      });
      report(result);
      server.close();
    });
  });
  if (isPath) server.listen(pipePath, () => report({ listening: where }));
  else server.listen(0, '127.0.0.1', () => report({ listening: server.address().port }));
} else {
  const size = Number(sizeArg);
  const target = isPath ? { path: pipePath } : { port: Number(where), host: '127.0.0.1' };
  const sock = net.connect({ ...target, allowHalfOpen: true });
  const sent = crypto.createHash('sha256');
  const recv = crypto.createHash('sha256');
  let off = 0;
  let got = 0;
  let pauses = 0;
  let corks = 0;
  let dataWhilePaused = 0;
  const events = [];
  const result = {};
  function pump() {
    while (off < size) {
      let ok = true;
      if (rand() < 0.1) {
        // a corked run of 2..9 chunks
        sock.cork();
        corks++;
        const k = 2 + Math.floor(rand() * 8);
        for (let i = 0; i < k && off < size; i++) ok = writeOne();
        if (rand() < 0.5) sock.uncork();
        else process.nextTick(() => sock.uncork());
      } else {
        ok = writeOne();
      }
      if (!ok) { sock.once('drain', pump); return; }
    }
    sock.end();
  }
  function writeOne() {
    const len = Math.min(chunkSize(), size - off);
    const buf = crypto.randomBytes(len);
    sent.update(buf);
    off += len;
    return sock.write(buf);
  }
  sock.on('connect', pump);
  sock.on('data', (d) => {
    if (sock.isPaused()) dataWhilePaused++;
    recv.update(d);
    got += d.length;
    if (pauses === 0 || rand() < 0.1) {
      sock.pause();
      pauses++;
      if (rand() < 0.5) setImmediate(() => sock.resume());
      else setTimeout(() => sock.resume(), Math.floor(rand() * 4));
    }
  });
  sock.on('end', () => events.push('end'));
  sock.on('finish', () => events.push('finish'));
  sock.on('error', (e) => { result.error = e.code; });
  sock.on('close', (hadError) => {
    events.push('close');
    Object.assign(result, {
      recv_sha: recv.digest('hex'), recv_len: got,
      sent_sha: sent.digest('hex'), sent_len: off,
      bytesRead: sock.bytesRead, bytesWritten: sock.bytesWritten, events, hadError,
      pauses, corks, dataWhilePaused,
    });
    report(result);
  });
}
