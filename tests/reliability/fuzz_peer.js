'use strict';
// (With a "listen" plan, the echo server instead: see serve() at the end.)
// The node 24 peer of tests/reliability/test_fuzz_protocol.py. argv[2] is a JSON plan:
//   {"connect": {port, host} | {path}, "seed": n, "ops": [["write", size] | ["wait", ms] |
//    ["cork"] | ["uncork"] | ["pause"] | ["resume"]], "final": "end"|"destroy"|"reset"}
// Writes the plan's bytes (the same xorshift stream the Python side computes from the
// seed), then ends, destroys or resets (resetAndDestroy). Prints one JSON line: the bytes it
// wrote (count), the echo it read (hex), the error codes it saw and whether 'close' came.
const net = require('net');

const plan = JSON.parse(process.argv[2]);
if (plan.listen) {
  serve();
  return;
}
let state = plan.seed >>> 0 || 1;
function bytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    b[i] = state & 0xff;
  }
  return b;
}

const sock = net.connect(plan.connect);
const echo = [];
const errors = [];
let written = 0;
sock.on('data', (d) => echo.push(d));
sock.on('error', (e) => errors.push(e.code || e.message));
sock.on('close', () => {
  clearTimeout(deadline);
  process.stdout.write(JSON.stringify({
    written, echo: Buffer.concat(echo).toString('hex'), errors, closed: true,
  }) + '\n');
});
const deadline = setTimeout(() => {
  process.stdout.write(JSON.stringify({ written, errors, closed: false }) + '\n');
  process.exit(1);
}, 20000);

function step(i) {
  if (sock.destroyed) return;
  if (i === plan.ops.length) {
    if (plan.final === 'end') sock.end();
    else if (plan.final === 'destroy') sock.destroy();
    else if (plan.connect.path === undefined) sock.resetAndDestroy();
    else sock.destroy(); // resetAndDestroy() throws ERR_INVALID_HANDLE_TYPE on a pipe
    return;
  }
  const [op, arg] = plan.ops[i];
  switch (op) {
    case 'write': { const b = bytes(arg); written += b.length; sock.write(b); break; }
    case 'wait': setTimeout(step, arg, i + 1); return;
    case 'cork': sock.cork(); break;
    case 'uncork': sock.uncork(); break;
    case 'pause': sock.pause(); break;
    case 'resume': sock.resume(); break;
  }
  step(i + 1);
}
sock.on('connect', () => step(0));

// Server mode: {"listen": {port, host} | {path}, "server_fault": "none"|"end"|"destroy"|
// "reset", "server_fault_after": n, "toggles": [ms...]}. An echo server for one
// connection that pauses/resumes at the given times and ends, destroys or resets after n
// bytes. Prints {"port"} once listening, then {"received": hex, "errors", "closed"}.
function serve() {
  const received = [];
  const errors = [];
  let total = 0;
  const srv = net.createServer((sock) => {
    srv.close();
    const deadline = setTimeout(() => process.exit(1), 20000);
    sock.on('error', (e) => errors.push(e.code || e.message));
    sock.on('close', () => {
      clearTimeout(deadline);
      process.stdout.write(JSON.stringify({
        received: Buffer.concat(received).toString('hex'), errors, closed: true,
      }) + '\n');
    });
    let faulted = false;
    sock.on('data', (d) => {
      received.push(d);
      total += d.length;
      if (!sock.destroyed && sock.writable) sock.write(d);
      if (plan.server_fault !== 'none' && !faulted && total >= plan.server_fault_after) {
        faulted = true;
        if (plan.server_fault === 'end') sock.end();
        else if (plan.server_fault === 'destroy') sock.destroy();
        else if (plan.listen.path === undefined) sock.resetAndDestroy();
        else sock.destroy();
      }
    });
    const toggles = [...plan.toggles].sort((a, b) => a - b);
    let paused = false;
    toggles.forEach((ms, i) => setTimeout(() => {
      if (i === toggles.length - 1 || paused) { sock.resume(); paused = false; }
      else { sock.pause(); paused = true; }
    }, ms));
  });
  srv.listen(plan.listen, () => {
    process.stdout.write(JSON.stringify({ port: srv.address().port ?? null }) + '\n');
  });
}
