package tcpcourse.lesson04.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "4.1", title = "Survive a reset and report how much arrived")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReadReportTest {

    @Test
    @Points(2)
    void reportsTheBytesThatArrivedBeforeAReset() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            server.getOutputStream().write(new byte[1000]);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.getInputStream().available() == 1000);
            server.setSoLinger(true, 0);
            server.close(); // a reset, after 1000 bytes

            Received received = ReadReport.readUntilFailure(client.getInputStream());

            assertThat(received).isEqualTo(new Received(1000, ErrorCode.ECONNRESET));
        });
    }

    @Test
    @Points(2)
    void reportsANormalEndWithoutAnError() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            server.getOutputStream().write(new byte[3 << 20]);
            server.shutdownOutput();

            Received received = ReadReport.readUntilFailure(client.getInputStream());

            assertThat(received).isEqualTo(new Received(3 << 20, null));
        });
    }

    @Test
    @Points(1)
    void reportsAReadTimeout() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            server.getOutputStream().write(new byte[10]);
            client.setSoTimeout(200); // the server says nothing more

            Received received = ReadReport.readUntilFailure(client.getInputStream());

            assertThat(received).isEqualTo(new Received(10, ErrorCode.ETIMEDOUT));
        });
    }
}
