const cluster = require('cluster'); const net = require('net');
net.createServer((s) => s.end('js' + cluster.worker.id)).listen(0, '127.0.0.1');
