package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.lesson01.exercises.TimedConnect;
import tcpcourse.testkit.JavadocExample;
import tcpcourse.testkit.Loopback;

/** The exercises' Javadoc examples, run for real with the reference solutions: each prints what it says. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JavadocExamplesTest {

    @Test
    void timedConnectsExamplePrintsBothEndsAsTheyAre() throws Exception {
        String printed = JavadocExample.printed(JavadocExample.stub(TimedConnect.class));
        String real;
        try (var server = new ServerSocket(0, 50, Loopback.ADDRESS);
                var connection = TimedConnect.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2))) {
            real = TimedConnect.describe(connection);
            // The example's ports are the default one and a typical ephemeral one; the shape is the real one's.
            assertThat(real).matches("127\\.0\\.0\\.1:" + connection.getLocalPort() + " -> 127\\.0\\.0\\.1:" + server.getLocalPort());
        }
        assertThat(printed).matches("127\\.0\\.0\\.1:\\d{4,5} -> 127\\.0\\.0\\.1:" + Endpoints.DEFAULT_PORT);
    }
}
