// A Node.js client that goes on writing after the server has closed: it keeps its own side open
// (allowHalfOpen), waits for the server's 'end', then writes until a write fails, at most
// 100 times, and prints the error's code. Usage: node write-after-close.js port
const net = require('net');
const [port] = process.argv.slice(2);

const client = net.createConnection({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
let writes = 0;
client.on('end', () => {
  console.log('end');
  // The first write after the close is taken by the system and answered with a reset; a later
  // one fails.
  const writeAgain = () => {
    if (writes === 100) {
      console.log('no error after 100 writes');
      client.destroy();
      return;
    }
    writes += 1;
    client.write('more\r\n', (err) => {
      if (!err) {
        setImmediate(writeAgain);
      }
    });
  };
  writeAgain();
});
client.on('error', (err) => console.log(`error ${err.code}`));
