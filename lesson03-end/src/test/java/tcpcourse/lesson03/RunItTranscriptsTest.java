package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.Terminal;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the lesson page's "Run it", what the server and the client print when run as the
 * page runs them, each in a terminal of its own, and what the client printed when the server
 * ended. The server listens on a port the system chooses; the transcripts show it as the default
 * port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunItTranscriptsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void recordsTheServerAndTheClient() throws Exception {
        try (var server = Terminal.start(Server.class, "--port=0")) {
            int port = Integer.parseInt(server.awaitLine(Pattern.compile("server bound to .*:(\\d+)$"), BOUND).group(1));

            int status;
            List<String> clientLines;
            try (var client = Terminal.start(Client.class, "--port=" + port)) {
                status = client.awaitExit(BOUND);
                server.awaitLine(Pattern.compile("client ended"), BOUND);
                clientLines = client.linesWithPort(port, Endpoints.DEFAULT_PORT);
                Transcripts.write("run-client.txt", clientLines);
            }
            Transcripts.write("run-server.txt", server.linesWithPort(port, Endpoints.DEFAULT_PORT));
            // For the page's diagram of the half-close: the line the client printed when the server ended.
            Transcripts.attributes("run.adoc", Map.of("run-server-ended", clientLines.stream()
                    .filter(line -> line.startsWith("server ended")).findFirst()
                    .orElseThrow(() -> new AssertionError("the client never said the server ended: " + clientLines))));

            assertThat(status).isZero();
        }
    }
}
