package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.util.Arrays;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * The bug this lesson is about: a client that takes one {@code read} as one message. It sends
 * each message as a frame, in one write, and expects one read to return exactly that frame. On
 * loopback, with nothing in between, it usually seems to work; through the relay it does not.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson05-framing compile exec:java@naive-client
 * -Dexec.args="--port=8125"} with the relay running.
 */
public final class NaiveClient {

    private NaiveClient() {}

    /** @return how many of {@code count} messages came back wrong */
    static int talk(String host, int port, int count, PrintStream out) throws IOException {
        int wrong = 0;
        try (var connection = new Socket(host, port)) {
            for (int i = 1; i <= count; i++) {
                byte[] frame = frame(message(i));
                connection.getOutputStream().write(frame);
                // tag::the-bug[]
                // THE BUG: one read is not one message. It returns what has arrived so far: part
                // of the frame, or the frame and some of the next.
                byte[] chunk = new byte[1024];
                int length = connection.getInputStream().read(chunk);
                // end::the-bug[]
                byte[] received = Arrays.copyOf(chunk, Math.max(length, 0));
                boolean right = Arrays.equals(received, frame);
                wrong += right ? 0 : 1;
                out.println((right ? "right: " : "WRONG: ") + "expected " + frame.length + " bytes, read " + length);
            }
        }
        return wrong;
    }

    /** The payload of message number {@code i}: its text in UTF-8. */
    static byte[] message(int i) {
        return ("message number " + i).getBytes(UTF_8);
    }

    /** The frame the naive client sends: the length prefix, then the payload. */
    static byte[] frame(byte[] payload) throws IOException {
        var bytes = new ByteArrayOutputStream();
        LengthPrefix.writeFrame(new DataOutputStream(bytes), payload);
        return bytes.toByteArray();
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(NaiveClient.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(Relay.DEFAULT_PORT)), new Option("count", "20"));
        String host;
        int port;
        int count;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
            count = options.positive("count");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try {
            int wrong = talk(host, port, count, out);
            out.println(wrong + " of " + count + " messages came back wrong");
            return wrong == 0 ? 0 : 3;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotConnect(host, port, failure));
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
