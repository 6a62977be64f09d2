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
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

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
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try {
            talkTo(host, port, out);
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotConnect(host, port, failure));
            return 2;
        }
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
