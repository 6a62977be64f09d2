package tcpcourse.lesson04.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.ServerFixture;
import tcpcourse.lesson04.Server.Mode;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "4.3", title = "A deadline for a whole message")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DeadlineTest {

    @Test
    @Points(1)
    void readsAWholeMessageThatArrivesInTime() throws Exception {
        ServerFixture.withServer(Mode.ECHO, address -> {
            try (var connection = Loopback.connect(address)) {
                byte[] greeting = Deadline.readExactly(connection, 7, Duration.ofSeconds(10));

                assertThat(new String(greeting, UTF_8)).isEqualTo("hello\r\n");
            }
        });
    }

    @Test
    @Points(3)
    void givesUpWhenTheWholeMessageTakesLongerThanTheDeadline() throws Exception {
        // The slow server sends a byte every 300 ms: each read is quick, the whole 7 bytes are not.
        ServerFixture.withServer(Mode.SLOW, address -> {
            try (var connection = Loopback.connect(address)) {
                // A timeout per read would never trip, and the 7 bytes would arrive after 2 s.
                assertThatThrownBy(() -> Deadline.readExactly(connection, 7, Duration.ofSeconds(1)))
                        .isInstanceOf(SocketTimeoutException.class);
            }
        });
    }

    @Test
    @Points(1)
    void saysWhenThePeerEndsBeforeTheMessageDoes() throws Exception {
        ServerFixture.withServer(Mode.HALF_MESSAGE, address -> {
            try (var connection = Loopback.connect(address)) {
                assertThatThrownBy(() -> Deadline.readExactly(connection, 7, Duration.ofSeconds(10)))
                        .isInstanceOf(EOFException.class);
            }
        });
    }

    @Test
    @Points(1)
    void givesUpOnASilentServerAtTheDeadline() throws Exception {
        ServerFixture.withServer(Mode.SILENT, address -> {
            try (var connection = Loopback.connect(address)) { // its own read timeout is 10 s
                long start = System.nanoTime();

                assertThatThrownBy(() -> Deadline.readExactly(connection, 7, Duration.ofMillis(300)))
                        .isInstanceOf(SocketTimeoutException.class);
                // The deadline, not the socket's earlier 10-second timeout, ended the wait.
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        });
    }
}
