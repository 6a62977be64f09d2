// The tutorial's client.js: connects, writes "world!", prints what comes back, then ends.
// Usage: node tutorial-client.js [port] [host]
const net = require('net');
const port = Number(process.argv[2] ?? 8124);
const host = process.argv[3] ?? '127.0.0.1';

// tag::client[]
const client = net.createConnection(port, host, () => {
  // 'connect' listener.
  console.log('connected to server!');
  client.write('world!\r\n');
});
client.on('data', (data) => {
  console.log(data.toString());
  client.end();
});
client.on('end', () => {
  console.log('disconnected from server');
});
client.on('error', (err) => {
  console.error(`cannot connect to ${host}:${port}: ${err.code}`);
  process.exitCode = 2;
});
// end::client[]
