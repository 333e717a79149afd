'use strict';
// A line-protocol chat server and two scripted clients, in one process.
// Protocol: one message per line; "/nick NAME" renames you, "/quit" leaves.
const net = require('net');

const clients = new Set();
let nextId = 1;

function broadcast(from, line) {
  for (const c of clients) {
    if (c !== from) c.write(`${line}\n`);
  }
}

function onLines(socket, fn) {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffered += chunk;
    let i;
    while ((i = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      fn(line);
    }
  });
}

const server = net.createServer((socket) => {
  socket.name = `guest${nextId++}`;
  clients.add(socket);
  socket.write(`welcome ${socket.name}\n`);
  broadcast(socket, `* ${socket.name} joined`);
  onLines(socket, (line) => {
    if (line.startsWith('/nick ')) {
      const old = socket.name;
      socket.name = line.slice(6);
      broadcast(null, `* ${old} is now ${socket.name}`);
    } else if (line === '/quit') {
      socket.end('bye\n');
    } else {
      broadcast(socket, `${socket.name}: ${line}`);
    }
  });
  socket.on('close', () => {
    clients.delete(socket);
    broadcast(socket, `* ${socket.name} left`);
    if (clients.size === 0) server.close();
  });
});

// The clients: each reacts to what it receives, so the conversation is one causal chain.
const transcripts = [];

function client(label, react) {
  const received = [];
  transcripts.push([label, received]);
  const socket = net.connect(server.address().port, '127.0.0.1');
  onLines(socket, (line) => {
    received.push(line);
    react(line, socket);
  });
}

server.listen(0, '127.0.0.1', () => {
  client('A', (line, socket) => {
    if (line === 'welcome guest1') client('B', reactB);
    else if (line === '* guest2 joined') socket.write('hi B\n');
    else if (line === '* guest2 is now bob') socket.write('/quit\n');
  });
});

function reactB(line, socket) {
  if (line === 'guest1: hi B') socket.write('/nick bob\n');
  else if (line === '* guest1 left') socket.write('/quit\n');
}

server.on('close', () => {
  for (const [label, lines] of transcripts) {
    for (const line of lines) console.log(`${label} < ${line}`);
  }
});
