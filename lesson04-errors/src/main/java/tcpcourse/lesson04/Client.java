package tcpcourse.lesson04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Random;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 4's client: lesson 1's conversation, with every error trapped, as Node's
 * {@code 'error'} event does: a timeout on connecting and on each read, retries with backoff for
 * the errors worth it, and one line for each error, with its code.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson04-errors compile exec:java@client}, against the
 * lesson's server in each of its modes; options {@code --host}, {@code --port},
 * {@code --retries} and {@code --timeout} (milliseconds).
 */
public final class Client {

    private Client() {}

    /** The settings of one run. */
    record Settings(String host, int port, int retries, Duration timeout) {}

    /**
     * Connects (trying again as {@code settings} allow), reads the greeting, sends
     * {@code world!}, reads the echo; every failure goes to {@code listener} before it is thrown.
     */
    static void talkTo(Settings settings, Retry.Sleeper sleeper, PrintStream out, ErrorListener listener)
            throws IOException, InterruptedException {
        var backoff = new Retry.Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), new Random());
        // Retry.connect reports each of its own failures; every later one is reported below, closing included.
        var connection = Retry.connect(settings.host(), settings.port(), settings.timeout(), settings.retries(),
                backoff, sleeper, listener);
        try (connection) {
            out.println("connected to server! " + describe(connection.getLocalSocketAddress())
                    + " -> " + describe(connection.getRemoteSocketAddress()));
            // tag::read-timeout[]
            // Without it, a read from a server that never answers waits for ever.
            connection.setSoTimeout((int) settings.timeout().toMillis());
            // end::read-timeout[]
            out.println(readLine(connection.getInputStream()));
            connection.getOutputStream().write("world!\r\n".getBytes(UTF_8));
            out.println(readLine(connection.getInputStream()));
        } catch (IOException failure) {
            listener.onError(ErrorCode.of(failure), failure);
            throw failure;
        }
        out.println("disconnected from server");
    }

    /**
     * Reads one line ending in {@code \n}, without it (and without a {@code \r} before it).
     *
     * @throws EOFException if the connection ends before the line does
     */
    static String readLine(InputStream fromServer) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = fromServer.read()) != '\n') {
            if (b == -1) {
                throw new EOFException("the server ended the connection in the middle of a line, after "
                        + line.size() + " bytes: \"" + line.toString(UTF_8) + "\"");
            }
            line.write(b);
        }
        String text = line.toString(UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The one line the console shows for an error. */
    // tag::one-line[]
    static String line(ErrorCode code, IOException failure, Settings settings) {
        String server = describe(settings.host(), settings.port()); // [::1]:8124 for IPv6
        return switch (code) {
            case ENOTFOUND -> "cannot connect to " + server + ": unknown host (ENOTFOUND). Check the name.";
            case ECONNREFUSED -> "cannot connect to " + server + ": connection refused (ECONNREFUSED). Is the server running?";
            // Our own timeout, or the system's: it stopped resending the SYN before ours passed.
            case ETIMEDOUT -> failure instanceof SocketTimeoutException
                    ? "no answer from " + server + " within " + settings.timeout().toMillis() + " ms (ETIMEDOUT)."
                    : "no answer from " + server + ": the system gave up on the handshake (ETIMEDOUT).";
            case EHOSTUNREACH -> "cannot reach " + server + ": no route to host (EHOSTUNREACH).";
            case ECONNRESET -> "the connection to " + server + " was reset by the server (ECONNRESET).";
            case EPIPE -> "cannot send to " + server + ": the server has closed the connection (EPIPE).";
            case OTHER -> "the connection to " + server + " failed: " + failure.getMessage();
        };
    }
    // end::one-line[]

    /**
     * Talks to the server named on the command line.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the connection failed
     */
    static int run(String[] args, Retry.Sleeper sleeper, PrintStream out, PrintStream err) throws InterruptedException {
        var commandLine = CommandLine.of(Client.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)),
                new Option("retries", "3"), new Option("timeout", "2000"));
        Settings settings;
        try {
            var options = commandLine.parse(args);
            settings = new Settings(options.text("host"), options.port("port"), options.atLeast("retries", 0),
                    options.millis("timeout"));
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        // tag::error-listener[]
        ErrorListener printOneLine = (code, failure) -> err.println(line(code, failure, settings));
        Retry.Sleeper sayAndSleep = delay -> {
            err.println("trying again in " + delay.toMillis() + " ms");
            sleeper.sleep(delay);
        };
        try {
            talkTo(settings, sayAndSleep, out, printOneLine);
            return 0;
        } catch (IOException failure) {
            return 2; // already reported, in one line, by the listener
        }
        // end::error-listener[]
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, delay -> Thread.sleep(delay.toMillis()), System.out, System.err));
    }
}
