package tcpcourse.lesson04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import tcpcourse.common.AcceptLoop;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 4's server: lesson 1's greeting and echo, or, to practise against, one way of
 * misbehaving, chosen with {@code --mode}.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson04-errors compile exec:java@server
 * -Dexec.args="--mode=reset"}; it listens on 127.0.0.1:8124 unless given {@code --host} or
 * {@code --port}.
 */
public final class Server implements Closeable {

    /** How the server treats each client. */
    // tag::modes[]
    public enum Mode {
        /** Greets with {@code hello\r\n}, then echoes: the well-behaved server. */
        ECHO,
        /** Greets, then resets the connection as soon as the client speaks: ECONNRESET. */
        RESET,
        /** Accepts and never sends a byte: the client's read times out (ETIMEDOUT). */
        SILENT,
        /** Sends {@code hel} and ends: the end arrives in the middle of a line. */
        HALF_MESSAGE,
        /** Greets and echoes one byte at a time, slowly: a client with a short timeout gives up. */
        SLOW
    }
    // end::modes[]

    /** The pause between two bytes in {@link Mode#SLOW}. */
    static final Duration SLOW_PACE = Duration.ofMillis(300);

    private final ServerSocket listener;
    private final Mode mode;
    private final PrintStream log;

    private Server(ServerSocket listener, Mode mode, PrintStream log) {
        this.listener = listener;
        this.mode = mode;
        this.log = log;
    }

    /** Starts listening in {@code mode}; port 0 lets the system choose. */
    public static Server listen(String host, int port, Mode mode, PrintStream log) throws IOException {
        return new Server(Endpoints.listen(host, port), mode, log);
    }

    /** The address and port really bound. */
    public InetSocketAddress localAddress() {
        return Endpoints.address(listener);
    }

    /** Accepts clients, each on a thread of its own, until {@link #close()}; blocks until then. */
    public void serve() throws IOException {
        AcceptLoop.serveEach(listener, log, this::misbehave);
    }

    // tag::misbehave[]
    private void misbehave(Socket connection) {
        String client = describe(connection.getRemoteSocketAddress());
        log.println("client connected: " + client + " (mode " + name(mode) + ")");
        try (connection) {
            var toClient = connection.getOutputStream();
            switch (mode) {
                case ECHO -> {
                    toClient.write("hello\r\n".getBytes(UTF_8));
                    connection.getInputStream().transferTo(toClient);
                }
                case RESET -> {
                    toClient.write("hello\r\n".getBytes(UTF_8));
                    // Once the client has spoken, the connection is surely established: the
                    // reset is an error on a working connection, not a failed connect.
                    connection.getInputStream().read();
                    connection.setSoLinger(true, 0); // close() below now sends RST, not FIN
                }
                case SILENT -> connection.getInputStream().transferTo(OutputStreamNowhere.INSTANCE);
                case HALF_MESSAGE -> {
                    toClient.write("hel".getBytes(UTF_8));
                    connection.shutdownOutput(); // our end, in the middle of the line
                    // Take what the client still sends, so that closing loses nothing (no RST).
                    connection.getInputStream().transferTo(OutputStreamNowhere.INSTANCE);
                }
                case SLOW -> slowly(connection);
            }
            log.println("client done: " + client);
        } catch (IOException failure) {
            log.println("connection with " + client + " failed: " + failure.getMessage());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
    // end::misbehave[]

    private static void slowly(Socket connection) throws IOException, InterruptedException {
        var toClient = connection.getOutputStream();
        for (byte b : "hello\r\n".getBytes(UTF_8)) {
            toClient.write(b);
            Thread.sleep(SLOW_PACE.toMillis()); // slow on purpose: this mode is a slow server
        }
        int b;
        while ((b = connection.getInputStream().read()) != -1) {
            toClient.write(b);
            Thread.sleep(SLOW_PACE.toMillis());
        }
    }

    /** Discards what it is given: for the silent mode, which reads but never answers. */
    private static final class OutputStreamNowhere extends java.io.OutputStream {
        static final OutputStreamNowhere INSTANCE = new OutputStreamNowhere();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] bytes, int offset, int length) {}
    }

    /** Stops accepting; open connections go on until their clients end them. */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    static String name(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Mode mode(String name) throws UsageException {
        for (Mode mode : Mode.values()) {
            if (name(mode).equals(name)) {
                return mode;
            }
        }
        throw new UsageException("--mode must be one of " + modes() + ", not '" + name + "'");
    }

    static String modes() {
        return Arrays.stream(Mode.values()).map(Server::name).collect(Collectors.joining("|"));
    }

    /**
     * Listens, says where and how, and serves until the process is stopped.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the server cannot listen
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Server.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)),
                new Option("mode", "echo"));
        String host;
        int port;
        Mode mode;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
            mode = mode(options.text("mode"));
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try (var server = listen(host, port, mode, out)) {
            out.println("server bound to " + describe(server.localAddress()) + " in mode " + name(mode));
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
