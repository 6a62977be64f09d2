package tcpcourse.testkit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import tcpcourse.common.Endpoints;
import tcpcourse.common.Tap;

/**
 * Records, for a lesson page, what the tap printed while the lesson's client talked to its server
 * through it: a real run on ephemeral ports, with the server's port shown as the default one
 * ({@value Endpoints#DEFAULT_PORT}) that the page's commands use.
 */
public final class TapTranscript {

    private TapTranscript() {}

    /** What a client run returned: its exit status. */
    @FunctionalInterface
    public interface ClientRun {
        int talkThrough(int tapPort) throws Exception;
    }

    /**
     * Puts a tap in front of {@code server}, runs {@code client} against the tap, and writes what
     * the tap printed to {@code tap.txt} in the lesson's transcripts.
     *
     * @return the lines written
     */
    public static List<String> record(InetSocketAddress server, ClientRun client) throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var tap = Tap.listen("127.0.0.1", 0, server, log.printStream())) {
            var tapping = background.run(tap::serve);
            int status = background.callWhile(tapping, () -> client.talkThrough(tap.localAddress().getPort()));
            if (status != 0) {
                throw new AssertionError("the client exited with status " + status + " through the tap: " + log.lines());
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> log.lines().stream().anyMatch(line -> line.endsWith(" closed")));
        }
        String serverPort = ":" + server.getPort();
        var lines = log.lines().stream()
                .map(line -> line.replace(serverPort, ":" + Endpoints.DEFAULT_PORT))
                .toList();
        Transcripts.write("tap.txt", lines);
        return lines;
    }
}
