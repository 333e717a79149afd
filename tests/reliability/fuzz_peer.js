'use strict';
// The node 24 peer of tests/reliability/test_fuzz_protocol.py. argv[2] is a JSON plan:
//   {"connect": {port, host} | {path}, "seed": n, "ops": [["write", size] | ["wait", ms] |
//    ["cork"] | ["uncork"] | ["pause"] | ["resume"]], "final": "end"|"destroy"|"reset"}
// Writes the plan's bytes (the same xorshift stream the Python side computes from the
// seed), then ends, destroys or resets (resetAndDestroy). Prints one JSON line: the bytes it
// wrote (count), the echo it read (hex), the error codes it saw and whether 'close' came.
const net = require('net');

const plan = JSON.parse(process.argv[2]);
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
