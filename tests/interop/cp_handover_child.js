// Child side of the mid-conversation socket handover in test_child_process_interop.py:
// it gets a connected socket whose first half the parent read, asks the peer for the
// rest ("next\n") and sends back, base64, every byte it read.
'use strict';
process.on('message', (m, sock) => {
  if (m !== 'socket') return;
  const chunks = [];
  sock.on('data', (d) => chunks.push(d));
  sock.on('end', () => {
    const rest = Buffer.concat(chunks).toString('base64');
    process.send({ rest }, () => process.disconnect());
  });
  sock.write('next\n');
});
