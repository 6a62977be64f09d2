package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/** Many connections open at once, every one served; the page says how many from what this test recorded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScaleTest {

    /** How many connections the test opens at once. */
    private static final int CONNECTIONS = 1000;

    @Test
    void servesAThousandConnectionsAtOnce() throws Exception {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var clients = new ArrayList<Socket>();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, quiet)) {
            background.run(server::serve);
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    var client = Loopback.connect(server.localAddress());
                    clients.add(client);
                    var out = new DataOutputStream(client.getOutputStream());
                    LengthPrefix.writeFrame(out, ("client " + i).getBytes(UTF_8));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> server.openConnections() == CONNECTIONS);

                for (int i = 0; i < clients.size(); i++) {
                    byte[] answer = LengthPrefix.readFrame(new DataInputStream(clients.get(i).getInputStream()), 100);
                    assertThat(answer).isEqualTo(("client " + i).getBytes(UTF_8));
                }
            } finally {
                for (var client : clients) {
                    client.close();
                }
            }
        }
        Transcripts.attributes("scale-test.adoc", Map.of("scale-test-connections", String.format(Locale.ROOT, "%,d", CONNECTIONS)));
    }
}
