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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;

/** A thousand connections open at once, every one served. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScaleTest {

    @Test
    void servesAThousandConnectionsAtOnce() throws Exception {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var clients = new ArrayList<Socket>();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, quiet)) {
            background.run(server::serve);
            try {
                for (int i = 0; i < 1000; i++) {
                    var client = Loopback.connect(server.localAddress());
                    clients.add(client);
                    var out = new DataOutputStream(client.getOutputStream());
                    LengthPrefix.writeFrame(out, ("client " + i).getBytes(UTF_8));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> server.openConnections() == 1000);

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
    }
}
