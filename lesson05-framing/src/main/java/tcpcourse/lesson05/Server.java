package tcpcourse.lesson05;

import static tcpcourse.common.Addresses.describe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
     * Each connection's buffer, in each direction. A read takes all that has arrived, up to this
     * much, in one system call: dozens of 1 KiB frames, hundreds of small ones; and the answers to
     * one read leave in one write. Bigger saves little more, and costs every connection.
     */
    private static final int BUFFER_SIZE = 32 * 1024;

    /**
     * The most of a frame's payload a connection holds at once: a 1 MiB frame goes back in a few
     * pieces, a few system calls each way, and a connection never holds more than this of it.
     */
    private static final int PIECE_SIZE = 128 * 1024;
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
        return new Server(Endpoints.listen(host, port, BACKLOG), maximumFrame, log);
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
        AcceptLoop.serveEach(listener, STACK_SIZE, connection -> {
            open.incrementAndGet();
            echoFrames(connection);
        });
    }

    // tag::echo-frames[]
    private void echoFrames(Socket connection) {
        String client = describe(connection.getRemoteSocketAddress());
        try (connection) {
            // The answers leave in batches of the server's own making (below): send each batch
            // at once, not held back until the client acknowledges the last (Nagle's algorithm).
            connection.setTcpNoDelay(true);
            var toClient = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream(), BUFFER_SIZE));
            var fromClient = new DataInputStream(new BufferedInputStream(
                    answersFirst(connection.getInputStream(), toClient), BUFFER_SIZE));
            int length;
            while ((length = LengthPrefix.readLength(fromClient, maximum)) != -1) {
                toClient.writeInt(length);
                passOn(fromClient, toClient, length);
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

    // tag::pass-on[]
    /**
     * Copies a frame's payload from the client back to it, a piece at a time, as it arrives: the
     * answer to a big frame starts before the frame has all arrived, and no connection holds a
     * whole frame in memory, only a piece of it.
     *
     * @throws EOFException if the client ended the connection before the whole payload
     */
    private static void passOn(DataInputStream fromClient, OutputStream toClient, int length) throws IOException {
        byte[] piece = new byte[Math.min(length, PIECE_SIZE)];
        for (int left = length; left > 0; ) {
            int count = fromClient.read(piece, 0, Math.min(left, piece.length));
            if (count == -1) {
                throw new EOFException();
            }
            toClient.write(piece, 0, count);
            left -= count;
        }
    }
    // end::pass-on[]

    // tag::answers-first[]
    /**
     * The connection's input, which sends the answers waiting in {@code toClient} whenever it
     * reads from the network, since that read may wait. A client waiting for its answers gets
     * them before the server waits for it; a client sending many frames at once gets their
     * answers in one write, because the frames it sent arrive together, in one read.
     */
    private static InputStream answersFirst(InputStream fromNetwork, OutputStream toClient) {
        return new FilterInputStream(fromNetwork) {
            // BufferedInputStream, the only reader of this stream, reads it only through this method.
            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                toClient.flush();
                return super.read(into, offset, length);
            }
        };
    }
    // end::answers-first[]

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
