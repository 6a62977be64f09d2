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
import java.util.Map;
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
 * come from a pipe. It connects to 127.0.0.1:8124 unless given {@code --host} or {@code --port}.
 */
public final class Client {

    private Client() {}

    /**
     * Connects, then sends each line of {@code keyboard} while printing what arrives, until the
     * keyboard ends and then the server ends too.
     *
     * <p>Blocks until both directions have ended.
     *
     * @throws IOException if connecting, sending or receiving fails
     */
    static void talkTo(String host, int port, InputStream keyboard, PrintStream out)
            throws IOException, InterruptedException {
        try (var connection = new Socket(host, port)) {
            out.println("connected to server! " + describe(connection.getLocalSocketAddress())
                    + " -> " + describe(connection.getRemoteSocketAddress()));
            // tag::reader-thread[]
            // The reader thread: Node's 'data' and 'end' events, each chunk printed as it comes.
            var text = new Utf8Text();
            var readFailure = new AtomicReference<IOException>();
            var reader = new Thread(() -> {
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
                } catch (IOException failure) {
                    readFailure.set(failure);
                }
            }, "reader");
            reader.start();
            // end::reader-thread[]
            // tag::writer[]
            // The main thread writes, meanwhile: both directions of the stream are independent.
            OutputStream toServer = connection.getOutputStream();
            var lines = new BufferedReader(new InputStreamReader(keyboard, UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                toServer.write((line + "\r\n").getBytes(UTF_8));
                // A socket's own stream sends at once; with a BufferedOutputStream in between,
                // nothing would leave before flush.
                toServer.flush();
            }
            // The keyboard has ended: tell the server we have nothing more to send (a FIN), and
            // keep reading until it has sent everything it has and ended too.
            connection.shutdownOutput();
            // end::writer[]
            reader.join();
            if (readFailure.get() != null) {
                throw readFailure.get();
            }
        }
        out.println("disconnected from server");
    }

    /**
     * Talks to the server named on the command line, with the keyboard as input.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the connection failed
     */
    static int run(String[] args, InputStream keyboard, PrintStream out, PrintStream err) throws InterruptedException {
        var commandLine = CommandLine.of(Client.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)));
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
            talkTo(host, port, keyboard, out);
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotConnect(host, port, failure));
            return 2;
        }
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.in, System.out, System.err));
    }
}
