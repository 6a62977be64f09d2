package tcpcourse.lesson01;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;

/**
 * Lesson 1's client, the tutorial's {@code client.js} in Java: it connects, says so with both
 * ends' addresses, sends {@code world!\r\n}, prints the server's greeting and the echo of its
 * own line, and ends the connection.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson01-connect compile exec:java@client} while the
 * server runs; it connects to 127.0.0.1:8124 unless given {@code --host=HOST} or
 * {@code --port=PORT}.
 */
public final class Client {

    private Client() {}

    /**
     * Connects, has the conversation, and ends the connection.
     *
     * <p>Blocks until the server has sent both of its lines.
     *
     * @throws UnknownHostException if the host name cannot be resolved
     * @throws ConnectException if nothing listens at host and port (connection refused)
     * @throws EOFException if the server ends the connection before sending both lines
     */
    static void talkTo(String host, int port, PrintStream out) throws IOException {
        // tag::connect[]
        // The constructor returns once the handshake is complete: the point where Node would
        // call back the function passed to net.createConnection, or emit 'connect'.
        try (var connection = new Socket(host, port)) {
            out.println("connected to server! " + describe(connection.getLocalSocketAddress())
                    + " -> " + describe(connection.getRemoteSocketAddress()));
            converse(connection.getInputStream(), connection.getOutputStream(), out);
        }
        // end::connect[]
        out.println("disconnected from server");
    }

    /**
     * Sends {@code world!\r\n}, then reads and prints the server's two lines: its greeting and
     * the echo of ours.
     *
     * <p>Blocks until both lines have arrived.
     *
     * @throws EOFException if the server ends the connection before sending both lines
     */
    static void converse(InputStream fromServer, OutputStream toServer, PrintStream out) throws IOException {
        // tag::send[]
        // Text goes on the wire as bytes: name the charset, never rely on the platform's default.
        toServer.write("world!\r\n".getBytes(UTF_8));
        // A socket's own stream sends at once; flush matters as soon as a buffer sits in between.
        toServer.flush();
        // end::send[]
        // tag::receive[]
        var lines = new BufferedReader(new InputStreamReader(fromServer, UTF_8));
        for (int received = 0; received < 2; received++) {
            // Blocks until a whole line has arrived; null means the server ended the connection.
            String line = lines.readLine();
            if (line == null) {
                throw new EOFException("the server ended the connection after " + received + " of 2 lines");
            }
            out.println(line);
        }
        // end::receive[]
    }

    /**
     * Talks to the server named on the command line.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the conversation failed
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Client.class.getSimpleName(),
                new Option("host", Server.DEFAULT_HOST), new Option("port", String.valueOf(Server.DEFAULT_PORT)));
        String host;
        int port;
        try {
            Map<String, String> options = commandLine.parse(args);
            host = options.get("host");
            port = commandLine.port(options);
        } catch (UsageException wrongArgument) {
            err.println(wrongArgument.getMessage() + "; " + commandLine.usage());
            return 1;
        }
        try {
            talkTo(host, port, out);
            return 0;
        } catch (IOException failure) {
            err.println(explain(host, port, failure));
            return 2;
        }
    }

    /** One line for the user: what failed, with the input, and what to try next. */
    static String explain(String host, int port, IOException failure) {
        String server = host + ":" + port;
        if (failure instanceof UnknownHostException) {
            return "cannot connect to " + server + ": unknown host. Check the name, or try --host=127.0.0.1";
        }
        if (failure instanceof ConnectException) {
            // "Connection refused" when nothing listens there; "Connection timed out" when no answer came.
            return "cannot connect to " + server + ": " + failure.getMessage().toLowerCase(Locale.ROOT)
                    + ". Is the server running?";
        }
        return "connection to " + server + " failed: " + failure.getMessage();
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
