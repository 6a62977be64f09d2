// The tutorial's client, with the 'connect' event instead of the callback: the listener is
// registered after createConnection has returned. Usage: node connect-event-client.js [port] [host]
const net = require('net');
const port = Number(process.argv[2] ?? 8124);
const host = process.argv[3] ?? '127.0.0.1';

// tag::connect-event[]
const conn = net.createConnection(port, host);
conn.on('connect', () => {
  console.log('connected to server!');
  conn.write('world!\r\n');
});
// end::connect-event[]
conn.on('data', (data) => {
  console.log(data.toString());
  conn.end();
});
conn.on('end', () => {
  console.log('disconnected from server');
});
conn.on('error', (err) => {
  console.error(`cannot connect to ${host}:${port}: ${err.code}`);
  process.exitCode = 2;
});
