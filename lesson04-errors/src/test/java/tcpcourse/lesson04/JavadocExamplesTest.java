package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.exercises.ReadReport;
import tcpcourse.lesson04.exercises.Received;
import tcpcourse.testkit.JavadocExample;
import tcpcourse.testkit.Loopback;

/** The exercises' Javadoc examples, run for real with the reference solutions: each prints what it says. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JavadocExamplesTest {

    @Test
    void readReportsExamplePrintsTheBytesBeforeTheResetAndItsCode() throws Exception {
        String printed = JavadocExample.printed(JavadocExample.stub(ReadReport.class));
        String text = java.nio.file.Files.readString(JavadocExample.stub(ReadReport.class));
        var received = new Received[1];

        Loopback.withConnectedPair((client, peer) -> {
            peer.getOutputStream().write(new byte[1000]);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.getInputStream().available() == 1000);
            peer.setSoLinger(true, 0);
            peer.close();
            received[0] = ReadReport.readUntilFailure(client.getInputStream());
        });

        assertThat(text).contains("a peer that sends 1000 bytes and then resets the connection");
        assertThat(received[0]).hasToString(printed);
    }
}
