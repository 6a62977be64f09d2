package tcpcourse.lesson05.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's load generator, a process of its own: it takes one command a line on standard
 * input, runs it against a server on 127.0.0.1, and answers one line on standard output.
 *
 * <ul>
 *   <li>{@code echo PORT SIZE CONNECTIONS WINDOW MILLIS}: each connection keeps WINDOW frames of
 *       SIZE bytes in flight for MILLIS, then waits for the last answers; every answer is checked
 *       byte for byte against the frame sent. Answers {@code done FRAMES NANOS}. The connections
 *       stay open for the next {@code echo} to the same server with as many connections.
 *   <li>{@code open PORT COUNT BATCH}: opens COUNT connections, BATCH at a time, and has each
 *       echo one frame; keeps them open. Answers {@code open COUNT NANOS}.
 *   <li>{@code close}: closes the connections {@code open} made. Answers {@code closed}.
 * </ul>
 *
 * A failure answers {@code failed} and the reason; the benchmark stops there.
 */
final class LoadGenerator {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** How many different payloads each run sends in turn. */
    private static final int PAYLOADS = 8;

    private final List<Socket> held = new ArrayList<>();

    /**
     * The connections of the last {@code echo} to each server (by port), kept open for the next,
     * so that a run measures frames on connections that are already there: a thread-per-connection
     * server would otherwise start a thread at every slice, which Netty and Node never do.
     */
    private final Map<Integer, List<SocketChannel>> kept = new HashMap<>();

    private LoadGenerator() {}

    public static void main(String[] args) throws IOException {
        var commands = new BufferedReader(new InputStreamReader(System.in, UTF_8));
        var answers = new PrintStream(System.out, true, UTF_8);
        var generator = new LoadGenerator();
        String command;
        while ((command = commands.readLine()) != null) {
            try {
                answers.println(generator.execute(command.trim().split(" ")));
            } catch (IOException | RuntimeException failure) {
                answers.println("failed " + failure);
            }
        }
        generator.closeHeld();
    }

    private String execute(String[] words) throws IOException {
        return switch (words[0]) {
            case "echo" -> {
                var server = new InetSocketAddress(LOOPBACK, Integer.parseInt(words[1]));
                int size = Integer.parseInt(words[2]);
                int connections = Integer.parseInt(words[3]);
                int window = Integer.parseInt(words[4]);
                long nanos = Long.parseLong(words[5]) * 1_000_000;
                boolean oneAtATime = connections == 1 && window == 1;
                var channels = connectionsTo(server, connections, oneAtATime);
                try {
                    long[] result = oneAtATime
                            ? oneAtATime(channels.get(0), frames(size), nanos)
                            : inFlight(channels, frames(size), window, nanos);
                    yield "done " + result[0] + " " + result[1];
                } catch (IOException | RuntimeException failure) {
                    forget(server.getPort());
                    throw failure;
                }
            }
            case "open" -> {
                for (int port : List.copyOf(kept.keySet())) {
                    forget(port);
                }
                long start = System.nanoTime();
                open(new InetSocketAddress(LOOPBACK, Integer.parseInt(words[1])), Integer.parseInt(words[2]),
                        Integer.parseInt(words[3]));
                yield "open " + held.size() + " " + (System.nanoTime() - start);
            }
            case "close" -> {
                closeHeld();
                yield "closed";
            }
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
    }

    /** The frames a run sends in turn, length prefix included, each with different random bytes. */
    private static ByteBuffer[] frames(int size) {
        var random = new Random(size);
        var frames = new ByteBuffer[PAYLOADS];
        for (int i = 0; i < PAYLOADS; i++) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            frames[i] = ByteBuffer.allocateDirect(4 + size).putInt(size).put(payload).flip();
        }
        return frames;
    }

    /**
     * The connections of the last run against {@code server} if they are as many and in the same
     * mode (blocking or not), else new ones.
     */
    private List<SocketChannel> connectionsTo(InetSocketAddress server, int count, boolean blocking)
            throws IOException {
        var channels = kept.get(server.getPort());
        if (channels != null && channels.size() == count && channels.get(0).isBlocking() == blocking) {
            return channels;
        }
        forget(server.getPort());
        channels = new ArrayList<>();
        kept.put(server.getPort(), channels);
        for (int i = 0; i < count; i++) {
            var channel = SocketChannel.open(server);
            channels.add(channel);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(blocking);
        }
        return channels;
    }

    private void forget(int port) throws IOException {
        var channels = kept.remove(port);
        if (channels != null) {
            for (var channel : channels) {
                channel.close();
            }
        }
    }

    /** One connection, one frame at a time: send it, wait for the whole answer, check it, repeat. */
    private static long[] oneAtATime(SocketChannel channel, ByteBuffer[] frames, long nanos) throws IOException {
        var answer = ByteBuffer.allocateDirect(frames[0].capacity());
        long frame = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        long now;
        do {
            ByteBuffer sent = frames[(int) (frame % PAYLOADS)].duplicate();
            while (sent.hasRemaining()) {
                channel.write(sent);
            }
            answer.clear();
            while (answer.hasRemaining()) {
                if (channel.read(answer) == -1) {
                    throw new EOFException("the server closed the connection after " + frame + " frames");
                }
            }
            if (answer.flip().compareTo(sent.flip()) != 0) {
                throw new IOException("frame " + frame + " came back different");
            }
            frame++;
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {frame, now - start};
    }

    /** A connection of {@link #inFlight}: what it has sent, and how far it has read the answers. */
    private static final class Connection {
        final SocketChannel channel;
        final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
        long sent;
        long answered;
        int length;
        int lengthFilled;
        int payloadFilled;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /**
     * The connections, on one thread, each keeping {@code window} frames in flight:
     * each answer, checked, lets the next frame go, until the time is up; then the last answers.
     */
    private static long[] inFlight(List<SocketChannel> channels, ByteBuffer[] frames, int window, long nanos)
            throws IOException {
        int size = frames[0].capacity() - 4;
        byte[][] payloads = new byte[PAYLOADS][size];
        for (int i = 0; i < PAYLOADS; i++) {
            frames[i].get(4, payloads[i]);
        }
        var all = new ArrayList<Connection>();
        var received = ByteBuffer.allocateDirect(256 * 1024);
        var batch = new ByteBuffer[64];
        // Closing the selector at the end lets the next run register the same connections with its own.
        try (var selector = Selector.open()) {
            for (var channel : channels) {
                var connection = new Connection(channel);
                all.add(connection);
                channel.register(selector, SelectionKey.OP_READ, connection);
            }
            long start = System.nanoTime();
            long deadline = start + nanos;
            long end = start;
            for (var connection : all) {
                for (int i = 0; i < window; i++) {
                    queue(connection, frames);
                }
                send(connection, batch, selector);
            }
            long answered = 0;
            long sent = (long) channels.size() * window;
            boolean sending = true;
            while (answered < sent) {
                selector.select();
                for (var key : selector.selectedKeys()) {
                    var connection = (Connection) key.attachment();
                    if (key.isReadable()) {
                        received.clear();
                        if (connection.channel.read(received) == -1) {
                            throw new EOFException("the server closed a connection after "
                                    + connection.answered + " frames");
                        }
                        int newAnswers = check(connection, received.flip(), payloads, size);
                        if (newAnswers > 0) {
                            answered += newAnswers;
                            end = System.nanoTime();
                            sending = sending && end < deadline;
                            if (sending) {
                                for (int i = 0; i < newAnswers; i++) {
                                    queue(connection, frames);
                                }
                                sent += newAnswers;
                            }
                        }
                    }
                    if (key.isValid()) {
                        send(connection, batch, selector);
                    }
                }
                selector.selectedKeys().clear();
            }
            return new long[] {answered, end - start};
        }
    }

    private static void queue(Connection connection, ByteBuffer[] frames) {
        connection.unsent.add(frames[(int) (connection.sent % PAYLOADS)].duplicate());
        connection.sent++;
    }

    /** Writes what the connection has unsent, as far as the system takes it; then waits to be writable if need be. */
    private static void send(Connection connection, ByteBuffer[] batch, Selector selector) throws IOException {
        boolean full = false;
        while (!connection.unsent.isEmpty() && !full) {
            int count = 0;
            for (var frame : connection.unsent) {
                if (count == batch.length) {
                    break;
                }
                batch[count++] = frame;
            }
            connection.channel.write(batch, 0, count);
            full = batch[count - 1].hasRemaining();
            while (!connection.unsent.isEmpty() && !connection.unsent.peekFirst().hasRemaining()) {
                connection.unsent.pollFirst();
            }
        }
        Arrays.fill(batch, null);
        int interest = connection.unsent.isEmpty()
                ? SelectionKey.OP_READ
                : SelectionKey.OP_READ | SelectionKey.OP_WRITE;
        var key = connection.channel.keyFor(selector);
        if (key.interestOps() != interest) {
            key.interestOps(interest);
        }
    }

    /**
     * Checks what has arrived against the frames the connection sent, byte for byte, the length
     * prefix included; parts of a frame are checked as they come.
     *
     * @return how many answers this chunk completed
     */
    private static int check(Connection connection, ByteBuffer chunk, byte[][] payloads, int size) throws IOException {
        int completed = 0;
        while (chunk.hasRemaining()) {
            if (connection.lengthFilled < 4) {
                connection.length = (connection.length << 8) | (chunk.get() & 0xFF);
                if (++connection.lengthFilled < 4) {
                    continue;
                }
                if (connection.length != size) {
                    throw new IOException("answer " + connection.answered + " has length "
                            + Integer.toUnsignedString(connection.length) + ", not " + size);
                }
            }
            int take = Math.min(chunk.remaining(), size - connection.payloadFilled);
            int limit = chunk.limit();
            chunk.limit(chunk.position() + take);
            byte[] expected = payloads[(int) (connection.answered % PAYLOADS)];
            if (chunk.mismatch(ByteBuffer.wrap(expected, connection.payloadFilled, take)) != -1) {
                throw new IOException("frame " + connection.answered + " came back different");
            }
            chunk.position(chunk.limit()).limit(limit);
            connection.payloadFilled += take;
            if (connection.payloadFilled == size) {
                connection.answered++;
                connection.length = 0;
                connection.lengthFilled = 0;
                connection.payloadFilled = 0;
                completed++;
            }
        }
        return completed;
    }

    /**
     * Opens {@code count} connections and keeps them open, {@code batch} at a time: each sends a
     * frame holding its number, and the whole batch's answers are read and checked before the next
     * batch connects, so that no more connections wait to be accepted than a listener's backlog holds.
     */
    private void open(InetSocketAddress server, int count, int batch) throws IOException {
        for (int first = 0; first < count; first += batch) {
            int last = Math.min(count, first + batch);
            for (int i = first; i < last; i++) {
                var socket = new Socket();
                held.add(socket);
                socket.connect(server, 10_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(ByteBuffer.allocate(8).putInt(4).putInt(i).array());
            }
            for (int i = first; i < last; i++) {
                byte[] answer = held.get(i).getInputStream().readNBytes(8);
                if (!Arrays.equals(answer, ByteBuffer.allocate(8).putInt(4).putInt(i).array())) {
                    throw new IOException("connection " + i + " got back " + Arrays.toString(answer));
                }
            }
        }
    }

    private void closeHeld() throws IOException {
        for (var socket : held) {
            socket.close();
        }
        held.clear();
    }
}
