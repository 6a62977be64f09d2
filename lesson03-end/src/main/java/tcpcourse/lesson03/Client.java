package tcpcourse.lesson03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 3's client: it sends a line, ends its side with a last line, the way Node's
 * {@code socket.end(data)} does, and goes on reading until the server has ended too.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson03-end compile exec:java@client} while the server
 * runs; {@code --message=TEXT} changes the line it sends, {@code --host} and {@code --port} where.
 */
public final class Client {

    private Client() {}

    /**
     * Connects, sends {@code message}, ends with {@code goodbye!}, and prints every line the server
     * sends until the server ends the connection.
     *
     * <p>Blocks until the server has ended its side.
     */
    static void talkTo(String host, int port, String message, PrintStream out) throws IOException {
        try (var connection = new Socket(host, port)) {
            out.println("connected to server! " + describe(connection.getLocalSocketAddress())
                    + " -> " + describe(connection.getRemoteSocketAddress()));
            connection.getOutputStream().write((message + "\r\n").getBytes(UTF_8));
            // tag::end[]
            // Node's client.end('goodbye!\r\n'): the last data, then the end of our side.
            connection.getOutputStream().write("goodbye!\r\n".getBytes(UTF_8));
            // shutdownOutput sends a FIN after everything written: the server's read returns -1.
            // Unlike close(), it leaves the other direction open: we can still read the answer.
            connection.shutdownOutput(); // <1>
            // end::end[]
            // tag::read-to-the-end[]
            var fromServer = new BufferedReader(new InputStreamReader(connection.getInputStream(), UTF_8));
            String line;
            // null: the server has ended its side too, and we have read everything it sent.
            while ((line = fromServer.readLine()) != null) {
                out.println(line);
            }
            out.println("server ended the connection");
            // end::read-to-the-end[]
        }
        out.println("disconnected from server");
    }

    /**
     * Talks to the server named on the command line.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the connection failed
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Client.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)),
                new Option("message", "world!"));
        String host;
        int port;
        String message;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
            message = options.text("message");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try {
            talkTo(host, port, message, out);
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
