// A Node front-end and a pool of Python workers sharing one listening socket.
//
// Run: node examples/node_front_python_workers.js [python] [workers]
// (python defaults to $PYTHON, then python3; nodenet_uv must be importable by it).
//
// The Node primary listens on port 0, forks the Python workers (examples/python_worker.py)
// with an IPC channel and sends each of them the listening server through it
// (`subprocess.send('server', server)`). Once every worker says it is accepting, the
// primary closes its own copy: the workers alone accept connections, on the one port,
// and answer a line protocol ("hello <n>" -> "worker <pid>: hello <n>"). The primary then
// makes requests itself until every worker has answered (or 200 requests), prints who
// answered, tells the workers to stop and ends when they have.
'use strict';
const cp = require('child_process');
const net = require('net');
const path = require('path');

const python = process.argv[2] || process.env.PYTHON || 'python3';
const count = Number(process.argv[3] || 3);
const workerPath = path.join(__dirname, 'python_worker.py');

function ask(port, n) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let answer = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { answer += d; });
    sock.on('end', () => resolve(answer.trim()));
    sock.on('error', reject);
    sock.end(`hello ${n}\n`);
  });
}

async function main() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  console.log(`listening on 127.0.0.1:${port}`);

  const workers = [];
  const ready = [];
  for (let i = 0; i < count; i++) {
    const worker = cp.fork(workerPath, [], { execPath: python, execArgv: [] });
    workers.push(worker);
    ready.push(new Promise((resolve) => {
      worker.once('message', (m) => resolve(m.pid));
    }));
    worker.send('server', server);
  }
  const pids = await Promise.all(ready);
  console.log(`workers ready: ${pids.join(' ')}`);
  server.close(); // the workers' copies keep accepting

  const answered = new Set();
  for (let n = 0; n < 200 && answered.size < count; n++) {
    const answer = await ask(port, n);
    console.log(answer);
    answered.add(answer.split(':')[0]);
  }
  console.log(`${answered.size} distinct workers answered`);

  const exited = workers.map((w) => new Promise((resolve) => w.on('exit', resolve)));
  for (const w of workers) w.send('stop');
  const codes = await Promise.all(exited);
  console.log(`workers exited: ${codes.join(' ')}`);
}

main();
