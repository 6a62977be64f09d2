package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 2's client, a small terminal client: every line you type is sent to the server, and
 * everything the server sends is printed as soon as it arrives, both at the same time.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson02-send-receive compile exec:java@client} while the
 * server runs, type lines, and end with Ctrl-D (Ctrl-Z then Enter on Windows). Input can also
 * come from a pipe. When the server ends the connection, the client ends too. It connects to 127.0.0.1:8124 unless given {@code --host} or {@code --port}.
 */
public final class Client {

    private Client() {}

    /**
     * Connects, then sends each line of {@code keyboard} while printing what arrives, until the
     * server ends the connection.
     *
     * <p>Blocks until the server has ended. When the keyboard ends first, the client ends its side
     * and goes on reading; when the server ends first, the client is done, like a Node.js socket
     * (its {@code allowHalfOpen} is false unless you ask): nothing typed after that is sent.
     *
     * @throws IOException if connecting, sending or receiving fails
     */
    static void talkTo(String host, int port, InputStream keyboard, PrintStream out) throws IOException {
        try (var connection = new Socket(host, port)) {
            out.println("connected to server! " + describe(connection.getLocalSocketAddress())
                    + " -> " + describe(connection.getRemoteSocketAddress()));
            // tag::writer[]
            // The keyboard thread writes: both directions of the stream are independent.
            var writeFailure = new AtomicReference<IOException>();
            var writer = new Thread(() -> {
                try {
                    sendLines(keyboard, connection);
                } catch (IOException failure) {
                    writeFailure.set(failure);
                }
            }, "keyboard");
            // A daemon thread does not keep the program alive: when the server ends first, the
            // program ends without waiting for a keyboard that may never be touched again.
            writer.setDaemon(true);
            writer.start();
            // end::writer[]
            // tag::reader[]
            // Meanwhile this thread reads: Node's 'data' and 'end' events, each chunk printed as it comes.
            var text = new Utf8Text();
            try {
                ReadLoop.readUntilEnd(connection.getInputStream(), new DataListener() {
                    @Override
                    public void onData(byte[] chunk, int length) {
                        out.print(text.decode(chunk, length));
                        out.flush();
                    }

                    @Override
                    public void onEnd() {
                        out.print(text.finish());
                        out.println("server ended the connection");
                    }
                });
            } catch (IOException readFailure) {
                // A write that failed first (a broken pipe) says more than the read it broke.
                throw writeFailure.get() != null ? writeFailure.get() : readFailure;
            }
            // end::reader[]
            if (writeFailure.get() != null) {
                throw writeFailure.get();
            }
        }
        out.println("disconnected from server");
    }

    /** Sends each line of {@code keyboard} as it is typed; at its end, ends our side of the connection. */
    private static void sendLines(InputStream keyboard, Socket connection) throws IOException {
        // tag::send-lines[]
        OutputStream toServer = connection.getOutputStream();
        var lines = new BufferedReader(new InputStreamReader(keyboard, UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            toServer.write((line + "\r\n").getBytes(UTF_8));
            // A socket's own stream sends at once; with a BufferedOutputStream in between,
            // nothing would leave before flush.
            toServer.flush();
        }
        // The keyboard has ended: tell the server we have nothing more to send (a FIN). The
        // reading goes on until the server has sent everything it has and ended too.
        connection.shutdownOutput();
        // end::send-lines[]
    }

    /**
     * Talks to the server named on the command line, with the keyboard as input.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the connection failed
     */
    static int run(String[] args, InputStream keyboard, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Client.class.getSimpleName(),
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
        try {
            talkTo(host, port, keyboard, out);
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotConnect(host, port, failure));
            return 2;
        }
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }
}
