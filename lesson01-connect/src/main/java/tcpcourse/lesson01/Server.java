package tcpcourse.lesson01;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import tcpcourse.common.AcceptLoop;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 1's server, the tutorial's {@code server.js} in Java: it greets each client with
 * {@code hello\r\n}, then sends back everything the client sends until the client ends.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson01-connect compile exec:java@server}; it listens on
 * 127.0.0.1:8124 unless given {@code --host=ADDRESS} or {@code --port=PORT}.
 */
public final class Server implements Closeable {

    /** The port of Node's own {@code net} example. */
    public static final int DEFAULT_PORT = 8124;

    /** Loopback: only programs on this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** How many finished handshakes the operating system queues until {@code accept} takes them. */
    private static final int BACKLOG = 50;

    private final ServerSocket listener;
    private final PrintStream out;
    private final PrintStream err;

    private Server(ServerSocket listener, PrintStream out, PrintStream err) {
        this.listener = listener;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts listening; clients can connect as soon as this returns, even before {@link #serve()}.
     *
     * @param host the address to listen on, such as 127.0.0.1
     * @param port 0 lets the system choose a free port
     * @param out where to log connections
     * @param err where to log failed connections
     * @throws java.net.UnknownHostException if {@code host} is not a known name or address
     * @throws BindException if the address is in use or not one of this machine's
     */
    public static Server listen(String host, int port, PrintStream out, PrintStream err) throws IOException {
        // tag::bind[]
        // The third argument is the address to listen on. Without it, a ServerSocket listens on
        // every interface of the machine, and clients from other machines could connect.
        var listener = new ServerSocket(port, BACKLOG, InetAddress.getByName(host));
        // end::bind[]
        return new Server(listener, out, err);
    }

    /** The address and port really bound: with port 0, the port the system chose. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Accepts clients, each served on a thread of its own, until {@link #close()}. A failed
     * accept is logged to {@code err}, and the server goes on accepting after a short pause.
     *
     * <p>Blocks the calling thread; returns once the server is closed.
     *
     * @throws InterruptedIOException if the thread is interrupted in the pause after a failed accept
     */
    public void serve() throws IOException {
        // tag::accept-loop[]
        while (true) {
            Socket connection;
            try {
                // Blocks until a client's handshake has completed (Node's 'connection' event).
                connection = listener.accept(); // <1>
            } catch (IOException failure) {
                if (listener.isClosed()) {
                    return; // close() was called: stop accepting.
                }
                // No reason to stop serving everyone: out of file descriptors, say, the next
                // accept works once a client has gone.
                err.println("cannot accept a connection: " + failure.getMessage() + "; trying again"); // <2>
                AcceptLoop.pauseAfterFailedAccept();
                continue;
            }
            // One thread per client, so that a slow client never holds up the others.
            new Thread(() -> greetAndEcho(connection), "client " + describe(connection.getRemoteSocketAddress())).start();
        }
        // end::accept-loop[]
    }

    // tag::greet-and-echo[]
    private void greetAndEcho(Socket connection) {
        String client = describe(connection.getRemoteSocketAddress());
        out.println("client connected: " + client);
        try (connection) {
            OutputStream toClient = connection.getOutputStream();
            toClient.write("hello\r\n".getBytes(UTF_8));
            // Like Node's c.pipe(c): write back every byte that arrives. transferTo returns when
            // read returns -1, that is, once the client has ended its side of the connection.
            connection.getInputStream().transferTo(toClient);
            out.println("client disconnected: " + client);
        } catch (IOException failure) {
            err.println("connection with " + client + " failed: " + failure.getMessage());
        }
    }
    // end::greet-and-echo[]

    /**
     * Stops accepting clients; connections already open are served until their clients end them,
     * as with Node's {@code server.close()}.
     */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    /**
     * Binds, says where, and serves until the process is stopped.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the server cannot listen
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Server.class.getSimpleName(),
                new Option("host", DEFAULT_HOST), new Option("port", String.valueOf(DEFAULT_PORT)));
        String host;
        int port;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try (var server = listen(host, port, out, err)) {
            out.println("server bound to " + describe(server.localAddress()));
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
