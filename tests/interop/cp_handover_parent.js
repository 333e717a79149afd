// Parent side of the mid-conversation socket handover, run by node:
// node cp_handover_parent.js <child> <execPath>; prints a JSON report.
// A peer sends half a stream and waits; the parent reads that half, pauses the socket
// and sends it to the child, which says "next\n" to the peer and reads the other half.
// Without keepOpen, send() detaches the handle from the parent's socket at once
// (handle.onread = nop: a byte the parent's handle read now would be dropped) and
// closes it at the child's NODE_HANDLE_ACK; the peer's wait covers that window.
'use strict';
const cp = require('child_process');
const net = require('net');
const crypto = require('crypto');
const [childPath, execPath] = process.argv.slice(2);
const HALF = 1 << 20;
const part1 = crypto.randomBytes(HALF);
const part2 = crypto.randomBytes(HALF);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const report = { half: HALF, sent: sha(Buffer.concat([part1, part2])), events: [] };
const child = cp.fork(childPath, [], { execPath });
const mine = [];
let mineLength = 0;
const server = net.createServer((sock) => {
  sock.on('data', (d) => {
    mine.push(d);
    mineLength += d.length;
    if (mineLength === HALF) {
      sock.pause();
      child.send('socket', sock);
      report.detached = sock._handle === null;
    }
  });
});
child.on('message', (m) => {
  const rest = Buffer.from(m.rest, 'base64');
  report.mineLength = mineLength;
  report.restLength = rest.length;
  report.got = sha(Buffer.concat([...mine, rest]));
  server.close();
});
child.on('exit', (code, sig) => report.events.push(['exit', code, sig]));
child.on('close', () => console.log(JSON.stringify(report)));
server.listen(0, '127.0.0.1', () => {
  const peer = net.connect(server.address().port, '127.0.0.1');
  let heard = '';
  peer.setEncoding('utf8');
  peer.on('data', (d) => {
    heard += d;
    if (heard === 'next\n') peer.end(part2);
  });
  peer.write(part1);
});
