package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.1", title = "end(data)")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EndingTest {

    @Test
    @Points(2)
    void sendsTheFinalDataThenTheEnd() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            Ending.end(client, "goodbye!\r\n".getBytes(UTF_8));

            byte[] everything = server.getInputStream().readAllBytes(); // returns only at the end

            assertThat(new String(everything, UTF_8)).isEqualTo("goodbye!\r\n");
        });
    }

    @Test
    @Points(1)
    void sendsOnlyTheEndWhenThereIsNoFinalData() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            Ending.end(client, new byte[0]);

            assertThat(server.getInputStream().read()).isEqualTo(-1);
        });
    }

    @Test
    @Points(2)
    void leavesTheConnectionOpenForTheAnswer() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            Ending.end(client, "question".getBytes(UTF_8));
            server.getInputStream().readAllBytes();
            server.getOutputStream().write("answer".getBytes(UTF_8));
            server.shutdownOutput();

            byte[] answer = client.getInputStream().readAllBytes();

            assertThat(new String(answer, UTF_8)).isEqualTo("answer");
            assertThat(client.isClosed()).isFalse();
            assertThat(client.isOutputShutdown()).isTrue();
        });
    }
}
