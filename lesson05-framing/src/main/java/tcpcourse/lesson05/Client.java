package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static tcpcourse.common.Addresses.describe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * Lesson 5's client: it sends {@code --count} frames at once, each the text
 * {@code --message} with its number, reads the same number of frames back, and checks each.
 * Framing makes it right whatever the network does to the chunks: try it through the relay.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson05-framing compile exec:java@client}; options
 * {@code --host}, {@code --port}, {@code --message}, {@code --count} and {@code --timeout}
 * (milliseconds, for connecting and for each read).
 */
public final class Client {

    private Client() {}

    /**
     * Sends the frames, reads the answers, and checks each. Connecting, and each read, may take
     * at most {@code timeout}: lesson 4's rule, a bound on every blocking call on a network.
     *
     * @return how many frames came back different; 0 when all came back unchanged
     * @throws java.net.SocketTimeoutException if the server does not answer within {@code timeout}
     * @throws IOException if sending fails (the first failure, whichever direction it was in)
     */
    static int talkTo(String host, int port, List<byte[]> frames, Duration timeout, PrintStream out)
            throws IOException, InterruptedException {
        try (var connection = new Socket()) {
            connection.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            connection.setSoTimeout((int) timeout.toMillis());
            out.println("connected to server! " + describe(connection.getLocalSocketAddress())
                    + " -> " + describe(connection.getRemoteSocketAddress()));
            // tag::send-and-receive[]
            // The frames go out on a thread of their own while this one reads the answers: with
            // both directions moving, no buffer can fill up and stop the other side.
            var toServer = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
            var sendFailure = new AtomicReference<IOException>();
            var writer = new Thread(() -> {
                try {
                    for (byte[] frame : frames) {
                        LengthPrefix.writeFrame(toServer, frame);
                    }
                    toServer.flush();
                } catch (IOException failure) {
                    sendFailure.set(failure);
                    // The answers to frames never sent will not come: stop the reader too.
                    closeAfterFailure(connection, failure);
                }
            }, "writer");
            writer.start();
            var fromServer = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
            int different = 0;
            try {
                for (byte[] sent : frames) {
                    byte[] answer = LengthPrefix.readFrame(fromServer, LengthPrefix.DEFAULT_MAXIMUM);
                    if (answer == null) {
                        throw new EOFException("the server ended the connection before answering every frame");
                    }
                    boolean same = Arrays.equals(answer, sent);
                    different += same ? 0 : 1;
                    out.println((same ? "back unchanged: " : "DIFFERENT: ") + new String(answer, UTF_8));
                }
            } catch (IOException readFailure) {
                // A send that failed first says more than the read it stopped.
                IOException first = sendFailure.get() != null ? sendFailure.get() : readFailure;
                // The writer may be blocked on a server that reads nothing: closing ends its write.
                closeAfterFailure(connection, first);
                writer.join();
                throw first;
            }
            // end::send-and-receive[]
            writer.join();
            return different;
        }
    }

    private static void closeAfterFailure(Socket connection, IOException failure) {
        try {
            connection.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        var commandLine = CommandLine.of(Client.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Endpoints.DEFAULT_PORT)),
                new Option("message", "hello, frames"), new Option("count", "5"), new Option("timeout", "5000"));
        String host;
        int port;
        Duration timeout;
        List<byte[]> frames = new ArrayList<>();
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
            timeout = options.millis("timeout");
            int count = options.positive("count");
            for (int i = 1; i <= count; i++) {
                frames.add((options.text("message") + " #" + i).getBytes(UTF_8));
            }
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try {
            int different = talkTo(host, port, frames, timeout, out);
            out.println(different == 0 ? "all " + frames.size() + " frames came back unchanged"
                    : different + " of " + frames.size() + " frames came back different");
            return different == 0 ? 0 : 3;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotConnect(host, port, failure));
            return 2;
        }
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
