package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.Terminal;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the lesson page's "Run it", what the server in a misbehaving mode and the client
 * print when run as the page runs them, each in a terminal of its own, and what the client prints
 * when nothing listens. The server listens on a port the system chooses; the transcripts show it
 * as the default port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunItTranscriptsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Pattern BOUND_TO = Pattern.compile("server bound to .*:(\\d+) in mode");

    @Test
    void recordsTheClientAgainstAServerThatResets() throws Exception {
        recordAgainstServerInMode("reset");
    }

    @Test
    void recordsTheClientAgainstAServerThatSaysNothing() throws Exception {
        recordAgainstServerInMode("silent");
    }

    @Test
    void recordsTheClientWithNothingListening() throws Exception {
        // A socket bound to a port but not listening: the system answers each SYN with RST.
        try (var notListening = new Socket()) {
            notListening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = notListening.getLocalPort();

            int status;
            try (var client = Terminal.start(Client.class, "--port=" + port)) {
                status = client.awaitExit(BOUND);
                Transcripts.write("run-client-refused.txt", client.linesWithPort(port, Endpoints.DEFAULT_PORT));
            }

            assertThat(status).isEqualTo(2);
        }
    }

    private static void recordAgainstServerInMode(String mode) throws Exception {
        try (var server = Terminal.start(Server.class, "--port=0", "--mode=" + mode)) {
            int port = Integer.parseInt(server.awaitLine(BOUND_TO, BOUND).group(1));

            int status;
            try (var client = Terminal.start(Client.class, "--port=" + port)) {
                status = client.awaitExit(BOUND);
                server.awaitLine(Pattern.compile("client done|failed"), BOUND);
                Transcripts.write("run-client-" + mode + ".txt", client.linesWithPort(port, Endpoints.DEFAULT_PORT));
            }
            Transcripts.write("run-server-" + mode + ".txt", server.linesWithPort(port, Endpoints.DEFAULT_PORT));

            assertThat(status).isEqualTo(2);
        }
    }
}
