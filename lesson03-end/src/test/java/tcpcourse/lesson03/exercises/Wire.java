package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the grading tests of lesson 3 read off a socket, each read bounded, and how they say it.
 *
 * <p>Two bounds, both generous: {@link #PROMPT} for what a correct solution has already done when
 * the wait starts (its bytes and its end are in the system's buffers), and {@link #QUIET} for what a
 * correct solution never does, so that waiting it out costs time but can never fail a right answer.
 */
final class Wire {

    /** How long to wait for data or an end that a correct solution has already sent. */
    static final Duration PROMPT = Duration.ofSeconds(3);

    /**
     * How long to watch for something a correct solution never does (an answer before the end). A
     * wrong one does it as soon as the bytes it acts on are in, within milliseconds; every second
     * of this wait is paid by every right answer of a class.
     */
    static final Duration QUIET = Duration.ofSeconds(1);

    private Wire() {}

    /** What one side read: the bytes, and whether they ended with the end of the stream (-1). */
    record Received(byte[] bytes, boolean ended) {
        String text() {
            return new String(bytes, UTF_8);
        }
    }

    /** Reads until -1, or until nothing more has come for {@link #PROMPT}. */
    static Received readUntilTheEnd(Socket from) throws IOException {
        from.setSoTimeout(millis(PROMPT));
        var received = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int length;
            while ((length = from.getInputStream().read(chunk)) != -1) {
                received.write(chunk, 0, length);
            }
            return new Received(received.toByteArray(), true);
        } catch (SocketTimeoutException quiet) {
            return new Received(received.toByteArray(), false);
        }
    }

    /** Reads {@code count} bytes, or fewer if the end comes first or nothing more has come for {@link #PROMPT}. */
    static Received readUpTo(Socket from, int count) throws IOException {
        from.setSoTimeout(millis(PROMPT));
        var received = new ByteArrayOutputStream();
        byte[] chunk = new byte[Math.max(1, count)];
        try {
            while (received.size() < count) {
                int length = from.getInputStream().read(chunk, 0, count - received.size());
                if (length == -1) {
                    return new Received(received.toByteArray(), true);
                }
                received.write(chunk, 0, length);
            }
            return new Received(received.toByteArray(), false);
        } catch (SocketTimeoutException quiet) {
            return new Received(received.toByteArray(), false);
        }
    }

    /** Reads up to and with the first {@code \n}, or less if the end comes first or nothing more has come for {@code wait}. */
    static Received readLine(Socket from, Duration wait) throws IOException {
        from.setSoTimeout(millis(wait));
        var received = new ByteArrayOutputStream();
        try {
            int next;
            while ((next = from.getInputStream().read()) != -1) {
                received.write(next);
                if (next == '\n') {
                    return new Received(received.toByteArray(), false);
                }
            }
            return new Received(received.toByteArray(), true);
        } catch (SocketTimeoutException quiet) {
            return new Received(received.toByteArray(), false);
        }
    }

    /** Bytes as a student reads them: short text quoted with its escapes, anything else as a size and its first bytes in hex. */
    static String describe(byte[] bytes) {
        boolean printable = bytes.length <= 60;
        for (byte b : bytes) {
            printable &= (b >= 0x20 && b < 0x7f) || b == '\r' || b == '\n';
        }
        if (printable) {
            return "\"" + new String(bytes, UTF_8).replace("\r", "\\r").replace("\n", "\\n") + "\"";
        }
        var hex = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 12); i++) {
            hex.append(String.format(" %02x", bytes[i] & 0xff));
        }
        return bytes.length + " bytes (" + (bytes.length > 12 ? "starting" : "hex") + hex + ")";
    }

    /** Where two byte arrays first differ, in words: "the first 8192 of 1048596 bytes, then nothing", say. */
    static String difference(byte[] actual, byte[] expected) {
        int same = Arrays.mismatch(actual, expected);
        if (same == actual.length) {
            return "only the first " + actual.length + " of " + expected.length + " bytes";
        }
        if (same == expected.length) {
            return "all " + expected.length + " bytes and then " + (actual.length - expected.length) + " more";
        }
        return describe(actual) + ", which differs from " + describe(expected) + " at byte " + same;
    }

    /** A description of a failure thrown by a student's code, with its type: "SocketException: Socket is closed". */
    static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    static String seconds(Duration wait) {
        return wait.toSeconds() + " s";
    }

    private static int millis(Duration wait) {
        return (int) wait.toMillis();
    }
}
