package tcpcourse.lesson05;

import static tcpcourse.common.Addresses.describe;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import tcpcourse.common.AcceptLoop;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 5's server: it speaks the lesson's wire format (a 4-byte big-endian length, then that
 * many bytes) and sends every frame back unchanged, passing its bytes on as they arrive. A frame
 * over the maximum, a connection that stops in the middle of a frame, or any other failure ends
 * only that connection, with one log line; every other connection goes on.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson05-framing compile exec:java@server}; options
 * {@code --host}, {@code --port} and {@code --max-frame} (bytes, 1 MiB by default).
 */
public final class Server implements Closeable {

    /**
     * Each connection's thread reserves this much stack: the echo loop needs little, and a
     * thousand connections then reserve 256 MiB of address space instead of a gigabyte.
     */
    private static final long STACK_SIZE = 256 * 1024;

    /** Room for many clients connecting at once (the system caps it at net.core.somaxconn). */
    private static final int BACKLOG = 1024;

    // tag::buffers[]
    /**
     * Each connection's buffer, to begin with. One read takes all that has arrived, up to the
     * buffer's size, in one system call, and one write sends it all back: a client that sends
     * many frames at once gets their answers in one write.
     */
    private static final int FIRST_BUFFER_SIZE = 8 * 1024;

    /**
     * A read that fills the buffer doubles it, up to this: a client that sends faster than the
     * server reads (big frames, many in flight) gets fewer, bigger reads and writes, and only
     * such clients pay the memory.
     */
    private static final int LARGEST_BUFFER_SIZE = 128 * 1024;
    // end::buffers[]

    private final ServerSocket listener;
    private final int maximum;
    private final PrintStream log;
    private final AtomicInteger open = new AtomicInteger();

    private Server(ServerSocket listener, int maximum, PrintStream log) {
        this.listener = listener;
        this.maximum = maximum;
        this.log = log;
    }

    /** Starts listening; port 0 lets the system choose. */
    public static Server listen(String host, int port, int maximumFrame, PrintStream log) throws IOException {
        return new Server(Endpoints.listenForChannels(host, port, BACKLOG), maximumFrame, log);
    }

    /** The address and port really bound. */
    public InetSocketAddress localAddress() {
        return Endpoints.address(listener);
    }

    /** How many connections are open now. */
    public int openConnections() {
        return open.get();
    }

    /** Accepts connections, each on a thread of its own, until {@link #close()}; blocks until then. */
    public void serve() throws IOException {
        AcceptLoop.serveEach(listener, STACK_SIZE, log, connection -> {
            open.incrementAndGet();
            echoFrames(connection);
        });
    }

    // tag::echo-frames[]
    private void echoFrames(Socket connection) {
        String client = describe(connection.getRemoteSocketAddress());
        // Accepted by a channel's listener (listen, above), the connection has a channel too.
        SocketChannel channel = connection.getChannel();
        try (connection) {
            // Each read's bytes go back in one write, at once: not held back until the client
            // acknowledges the last (Nagle's algorithm).
            connection.setTcpNoDelay(true);
            ByteBuffer buffer = ByteBuffer.allocateDirect(FIRST_BUFFER_SIZE); // <1>
            long payloadLeft = 0; // of the frame being passed on, the bytes not yet read
            while (channel.read(buffer) != -1) { // <2>
                buffer.flip();
                int checked = 0; // the bytes before this belong to frames whose length is checked
                while (true) {
                    int payload = (int) Math.min(payloadLeft, buffer.limit() - checked);
                    checked += payload;
                    payloadLeft -= payload;
                    if (payloadLeft > 0 || buffer.limit() - checked < 4) {
                        break; // the next read brings more of the payload, or of the next length
                    }
                    long length = Integer.toUnsignedLong(buffer.getInt(checked)); // <3>
                    if (length > maximum) {
                        sendBack(channel, buffer, checked); // the frames before it
                        throw new FrameTooLargeException(length, maximum);
                    }
                    checked += 4;
                    payloadLeft = length;
                }
                boolean filled = buffer.limit() == buffer.capacity();
                sendBack(channel, buffer, checked); // <4>
                if (filled && buffer.capacity() < LARGEST_BUFFER_SIZE) {
                    buffer = ByteBuffer.allocateDirect(buffer.capacity() * 2).put(buffer.flip());
                }
            }
            if (payloadLeft > 0 || buffer.position() > 0) {
                throw new EOFException(); // <5>
            }
        } catch (FrameTooLargeException tooLarge) {
            log.println("closing " + client + ": " + tooLarge.getMessage());
        } catch (EOFException cutShort) {
            log.println("closing " + client + ": the connection ended in the middle of a frame");
        } catch (IOException failure) {
            log.println("closing " + client + ": " + failure.getMessage());
        } finally {
            open.decrementAndGet();
        }
    }
    // end::echo-frames[]

    // tag::send-back[]
    /**
     * Writes the buffer's first {@code upTo} bytes back to the client, and keeps the rest (at
     * most the first three bytes of a length) at the start of the buffer, for the next read to
     * add to.
     */
    private static void sendBack(SocketChannel channel, ByteBuffer buffer, int upTo) throws IOException {
        int end = buffer.limit();
        buffer.limit(upTo);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.limit(end);
        buffer.compact();
    }
    // end::send-back[]

    /** Stops accepting; open connections go on until their clients end them. */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    /**
     * Listens, says where, and serves until the process is stopped.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the server cannot listen
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Server.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)),
                new Option("max-frame", String.valueOf(LengthPrefix.DEFAULT_MAXIMUM)));
        String host;
        int port;
        int maximum;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
            maximum = options.positive("max-frame");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try (var server = listen(host, port, maximum, out)) {
            out.println("server bound to " + describe(server.localAddress()) + ", frames up to " + maximum + " bytes");
            server.serve();
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotListen(host, port, failure));
            return 2;
        }
    }

    /** Runs the server; see {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
