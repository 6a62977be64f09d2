package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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
 * Lesson 2's server: like lesson 1's, it greets each client with {@code hello\r\n} and sends
 * back everything it receives, and it also logs every chunk as it arrives, so you can watch
 * how the bytes a client writes are cut into chunks on the way.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson02-send-receive compile exec:java@server}; it
 * listens on 127.0.0.1:8124 unless given {@code --host=ADDRESS} or {@code --port=PORT}.
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
     * @param log where connections and chunks are logged, one line each
     */
    public static Server listen(String host, int port, PrintStream log) throws IOException {
        return new Server(Endpoints.listen(host, port), log);
    }

    /** The address and port really bound. */
    public InetSocketAddress localAddress() {
        return Endpoints.address(listener);
    }

    /**
     * Accepts clients, each served on a thread of its own, until {@link #close()}.
     *
     * <p>Blocks the calling thread; returns once the server is closed.
     */
    public void serve() throws IOException {
        AcceptLoop.serveEach(listener, log, this::echo);
    }

    // tag::echo[]
    private void echo(Socket connection) {
        String client = describe(connection.getRemoteSocketAddress());
        log.println("client connected: " + client);
        try (connection) {
            OutputStream toClient = connection.getOutputStream();
            toClient.write("hello\r\n".getBytes(UTF_8));
            // Each chunk is handled as it arrives: logged, then sent straight back.
            long total = ReadLoop.readUntilEnd(connection.getInputStream(), (chunk, length) -> {
                log.println("received " + length + " bytes from " + client);
                toClient.write(chunk, 0, length);
            });
            log.println("client disconnected: " + client + " (" + total + " bytes in all)");
        } catch (IOException failure) {
            // Only this client is lost; the accept loop goes on serving the others.
            log.println("connection with " + client + " failed: " + failure.getMessage());
        }
    }
    // end::echo[]

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
