package tcpcourse.lesson03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import tcpcourse.common.AcceptLoop;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 3's server: it greets each client, logs every line the client sends, and answers only
 * once the client has ended its side: {@code received N bytes, goodbye\r\n}. Then it ends its own
 * side and closes. A client that closes instead of ending never gets that answer.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson03-end compile exec:java@server}; it listens on
 * 127.0.0.1:8124 unless given {@code --host=ADDRESS} or {@code --port=PORT}.
 */
public final class Server implements Closeable {

    private final ServerSocket listener;
    private final PrintStream log;

    private Server(ServerSocket listener, PrintStream log) {
        this.listener = listener;
        this.log = log;
    }

    /**
     * Starts listening; clients can connect as soon as this returns.
     *
     * @param port 0 lets the system choose a free port
     * @param log where connections and lines are logged
     */
    public static Server listen(String host, int port, PrintStream log) throws IOException {
        return new Server(Endpoints.listen(host, port), log);
    }

    /** The address and port really bound. */
    public InetSocketAddress localAddress() {
        return Endpoints.address(listener);
    }

    /** Accepts clients, each on a thread of its own, until {@link #close()}; blocks until then. */
    public void serve() throws IOException {
        AcceptLoop.serveEach(listener, log, this::answerAtTheEnd);
    }

    // tag::answer-at-the-end[]
    private void answerAtTheEnd(Socket connection) {
        String client = describe(connection.getRemoteSocketAddress());
        log.println("client connected: " + client);
        try (connection) {
            var toClient = connection.getOutputStream();
            toClient.write("hello\r\n".getBytes(UTF_8));
            // The count is of the bytes that really arrived, whatever their line ends and characters.
            var counted = new CountingInputStream(connection.getInputStream());
            var fromClient = new BufferedReader(new InputStreamReader(counted, UTF_8));
            String line;
            // readLine returns null once the client has ended its side (read returned -1)...
            while ((line = fromClient.readLine()) != null) {
                log.println(client + " said: " + line);
            }
            log.println("client ended: " + client);
            // ...and our side is still open: the answer goes out after the client's end.
            toClient.write(("received " + counted.count() + " bytes, goodbye\r\n").getBytes(UTF_8));
            // Leaving the try block closes the socket: our FIN follows the answer.
        } catch (IOException failure) {
            log.println("connection with " + client + " failed: " + failure.getMessage());
        }
    }
    // end::answer-at-the-end[]

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            count += next == -1 ? 0 : 1;
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }

        long count() {
            return count;
        }
    }

    /** Stops accepting; open connections are served until their clients end them. */
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
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)));
        String host;
        int port;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try (var server = listen(host, port, out)) {
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
