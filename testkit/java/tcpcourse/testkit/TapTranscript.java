package tcpcourse.testkit;

import java.time.Duration;
import java.util.List;

/**
 * Records, for a lesson page, what the tap printed while the lesson's client talked to its server
 * through it: a real run on ephemeral ports, with the server's port shown as the default one
 * ({@value #SHOWN_PORT}) that the page's commands use. The test starts the server and the tap
 * (the tap is in {@code common}, which the fixtures do not depend on).
 */
public final class TapTranscript {

    /** The port the pages' commands use: the lessons' default, Node's example's. */
    public static final int SHOWN_PORT = 8124;

    private TapTranscript() {}

    /** A run of the lesson's client against the tap's port; returns its exit status. */
    @FunctionalInterface
    public interface ClientRun {
        int talkThrough(int tapPort) throws Exception;
    }

    /**
     * Runs {@code client} against the tap on {@code tapPort}, waits for the tap to print that the
     * connection closed, and writes what it printed to {@code tap.txt} in the lesson's transcripts.
     *
     * @return the lines written
     */
    public static List<String> record(CapturedOutput tapLog, int tapPort, int serverPort, ClientRun client)
            throws Exception {
        int status = client.talkThrough(tapPort);
        if (status != 0) {
            throw new AssertionError("the client exited with status " + status + " through the tap: " + tapLog.lines());
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> tapLog.lines().stream().anyMatch(line -> line.endsWith(" closed")));
        var lines = tapLog.lines().stream().map(line -> line.replace(":" + serverPort, ":" + SHOWN_PORT)).toList();
        Transcripts.write("tap.txt", lines);
        return lines;
    }
}
