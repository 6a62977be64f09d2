// A second load generator for the benchmark, written apart from LoadGenerator.java so that the
// table's ratios can be checked against code that shares none of its quirks: Node's `net`, one
// thread, no npm packages. It speaks LoadGenerator's line protocol for `echo`, one command a line
// on standard input, one answer a line on standard output:
//
//   echo PORT SIZE CONNECTIONS WINDOW MILLIS
//     each of CONNECTIONS connections to 127.0.0.1:PORT keeps WINDOW frames of SIZE bytes in
//     flight for MILLIS (each frame a 4-byte big-endian length, then the payload), then waits
//     for the last answers. Answers `done FRAMES NANOS`: the frames answered, and the time from
//     the first frame sent to the last answer. The connections stay open for the next `echo` to
//     the same port with as many connections.
//
// Any failure answers `failed REASON`, on one line. It checks the answers its own way: an echo
// server sends back, in order, exactly the bytes it was sent, so the bytes that arrive on a
// connection are compared with the stream of frames the connection sent, length prefixes
// included, chunk by chunk as they arrive.
'use strict';
const crypto = require('crypto');
const net = require('net');
const readline = require('readline');

const HOST = '127.0.0.1';
const PAYLOADS = 8; // different payloads each connection sends in turn
const CONNECT_MILLIS = 10_000;
const READ_BYTES = 256 * 1024;
const STALL_MILLIS = 30_000; // after a run's time is up, how long its last answers may take

// The connections of the last `echo` to each port: { sockets, spoiled }, where spoiled says what
// went wrong on them between two runs, if anything did.
const kept = new Map();
// The frames for each size and window, built once: see framesFor.
const built = new Map();

// Frames of `size` bytes, PAYLOADS different ones one after the other (one period of the stream a
// connection sends), repeated often enough that any WINDOW frames in a row, starting at any of
// them, are one slice of one buffer: a write sends them without a copy.
function framesFor(size, window) {
  const key = `${size} ${window}`;
  if (!built.has(key)) {
    const frameLength = 4 + size;
    const period = Buffer.alloc(PAYLOADS * frameLength);
    for (let i = 0; i < PAYLOADS; i++) {
      period.writeUInt32BE(size, i * frameLength);
      crypto.randomFillSync(period, i * frameLength + 4, size);
    }
    const repeats = Math.ceil(window / PAYLOADS) + 1;
    const stream = Buffer.concat(Array(repeats).fill(period));
    built.set(key, { frameLength, period, stream });
  }
  return built.get(key);
}

function forget(port) {
  const connections = kept.get(port);
  if (connections) {
    connections.sockets.forEach((socket) => socket.destroy());
    kept.delete(port);
  }
}

function connect(port, connections) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({
      host: HOST,
      port,
      // Every read into one buffer of the connection's own, checked before the next read reuses
      // it: no buffer made per chunk, and up to 256 KiB a read rather than 64 KiB.
      onread: {
        buffer: Buffer.allocUnsafe(READ_BYTES),
        callback: (bytes, buffer) => socket.onAnswer(buffer.subarray(0, bytes)),
      },
    });
    idle(socket, connections);
    const late = setTimeout(() => {
      socket.destroy();
      reject(new Error(`cannot connect to ${HOST}:${port}: no answer in ${CONNECT_MILLIS} ms`));
    }, CONNECT_MILLIS);
    socket.once('connect', () => {
      clearTimeout(late);
      socket.setNoDelay(true); // a frame leaves when written, not when the last answer is acknowledged
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(late);
      reject(new Error(`cannot connect to ${HOST}:${port}: ${error.code || error.message}`));
    });
  });
}

// Between runs, nothing may arrive and nothing may close: what does spoils the connections for
// the next run. A run sets socket.onAnswer and socket.onEnd of its own, and gives them back.
function idle(socket, connections) {
  socket.onAnswer = (chunk) => {
    connections.spoiled = `the server sent ${chunk.length} bytes between two runs, unasked`;
  };
  socket.onEnd = (why) => {
    connections.spoiled = `a connection ended between two runs: ${why}`;
  };
}

// The connections of the last run to `port` if they are as many, else new ones.
async function connectionsTo(port, count) {
  const old = kept.get(port);
  if (old && old.sockets.length === count) {
    return old.sockets;
  }
  forget(port);
  const connections = { sockets: [], spoiled: null };
  kept.set(port, connections);
  const sockets = await Promise.all(Array.from({ length: count }, () => connect(port, connections)))
    .catch((failure) => {
      forget(port);
      throw failure;
    });
  for (const socket of sockets) {
    connections.sockets.push(socket);
    socket.on('error', (error) => socket.onEnd(error.code || error.message));
    socket.on('close', () => socket.onEnd('the server closed it'));
  }
  return sockets;
}

function echo(port, size, count, window, millis) {
  return connectionsTo(port, count).then((sockets) => new Promise((resolve, reject) => {
    const { frameLength, period, stream } = framesFor(size, window);
    const connections = kept.get(port);
    if (connections.spoiled !== null) {
      forget(port);
      reject(new Error(connections.spoiled));
      return;
    }
    let sending = true;
    let unanswered = 0;
    let answered = 0;
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(millis) * 1_000_000n;
    let end = start;
    const stalled = setTimeout(() => finish(new Error(`${unanswered} of the frames sent still unanswered`
      + ` ${STALL_MILLIS} ms after the run's time was up`)), millis + STALL_MILLIS);

    let over = false;
    function finish(failure) {
      if (over) return;
      over = true;
      clearTimeout(stalled);
      if (failure) {
        sockets.forEach((socket) => { socket.onAnswer = socket.onEnd = () => {}; });
        forget(port);
        reject(failure);
      } else {
        sockets.forEach((socket) => idle(socket, connections));
        resolve(`done ${answered} ${end - start}`);
      }
    }

    const firstWindows = sockets.map((socket, number) => {
      let sent = 0; // frames
      let received = 0; // bytes
      let offset = 0; // where in the period the next byte to arrive is
      const send = (frames) => {
        const from = (sent % PAYLOADS) * frameLength;
        socket.write(stream.subarray(from, from + frames * frameLength));
        sent += frames;
        unanswered += frames;
      };
      socket.onAnswer = (chunk) => {
        if (received + chunk.length > sent * frameLength) {
          finish(new Error(`connection ${number} got ${received + chunk.length} bytes back`
            + ` after sending ${sent * frameLength}`));
          return;
        }
        for (let position = 0; position < chunk.length;) {
          const take = Math.min(chunk.length - position, period.length - offset);
          if (chunk.compare(period, offset, offset + take, position, position + take) !== 0) {
            let at = 0;
            while (chunk[position + at] === period[offset + at]) at++;
            const byte = (received + position + at) % frameLength;
            const frame = Math.floor((received + position + at) / frameLength);
            finish(new Error(`answer ${frame} on connection ${number} differs from the frame sent at byte`
              + ` ${byte}${byte < 4 ? ', in the length prefix' : ''}`));
            return;
          }
          offset = (offset + take) % period.length;
          position += take;
        }
        const before = Math.floor(received / frameLength);
        received += chunk.length;
        const answers = Math.floor(received / frameLength) - before;
        if (answers === 0) return;
        answered += answers;
        unanswered -= answers;
        end = process.hrtime.bigint();
        sending = sending && end < deadline;
        if (sending) {
          send(answers);
        } else if (unanswered === 0) {
          finish(null);
        }
      };
      socket.onEnd = (why) => {
        finish(new Error(`connection ${number} ended after ${Math.floor(received / frameLength)} answers: ${why}`));
      };
      return () => send(window);
    });
    firstWindows.forEach((sendFirstWindow) => sendFirstWindow());
  }));
}

function execute(line) {
  const words = line.trim().split(' ');
  if (words[0] !== 'echo') {
    return Promise.reject(new Error(`unknown command ${words[0]}: this load generator answers only echo`));
  }
  const numbers = words.slice(1).map(Number);
  if (numbers.length !== 5 || !numbers.every((number) => Number.isInteger(number) && number >= 0)) {
    return Promise.reject(new Error(`'${line}' is not echo PORT SIZE CONNECTIONS WINDOW MILLIS`));
  }
  const [port, size, count, window, millis] = numbers;
  if (count < 1 || window < 1) {
    return Promise.reject(new Error(`'${line}': CONNECTIONS and WINDOW start at 1`));
  }
  return echo(port, size, count, window, millis);
}

// One command at a time, in order: each waits for the answer to the one before.
let previous = Promise.resolve();
const commands = readline.createInterface({ input: process.stdin });
commands.on('line', (line) => {
  previous = previous
    .then(() => execute(line))
    .then((answer) => process.stdout.write(`${answer}\n`),
      (failure) => process.stdout.write(`failed ${String(failure.message).replace(/\s+/g, ' ')}\n`));
});
commands.on('close', () => {
  previous.then(() => {
    for (const port of [...kept.keys()]) forget(port);
  });
});
