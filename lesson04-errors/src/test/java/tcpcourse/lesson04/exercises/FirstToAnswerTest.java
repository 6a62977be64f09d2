package tcpcourse.lesson04.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson04.ErrorCode;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "4.2", title = "Connect to the first address that answers")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FirstToAnswerTest {

    private static final Duration EACH = Duration.ofMillis(300);

    @Test
    @Points(2)
    void skipsTheAddressesThatFailAndConnectsToTheFirstThatAnswers() throws Throwable {
        var errors = new ArrayList<ErrorCode>();
        var unknown = InetSocketAddress.createUnresolved("no-such-host.invalid", 80);
        Loopback.withRefusingPort(refusing -> Loopback.withUnansweredPort(unanswered -> {
            try (var listener = Loopback.listen()) {
                var listening = (InetSocketAddress) listener.getLocalSocketAddress();

                try (var connection = FirstToAnswer.connect(List.of(unknown, refusing, unanswered, listening), EACH,
                        (code, failure) -> errors.add(code))) {
                    assertThat(connection.getPort()).isEqualTo(listening.getPort());
                }
            }
        }));
        assertThat(errors).containsExactly(ErrorCode.ENOTFOUND, ErrorCode.ECONNREFUSED, ErrorCode.ETIMEDOUT);
    }

    @Test
    @Points(2)
    void throwsOneExceptionWithEveryFailureWhenNoneAnswers() throws Throwable {
        Loopback.withRefusingPort(refusing -> Loopback.withUnansweredPort(unanswered -> {
            long start = System.nanoTime();

            assertThatThrownBy(() -> FirstToAnswer.connect(List.of(refusing, unanswered), EACH, (code, failure) -> {}))
                    .isInstanceOf(IOException.class)
                    .satisfies(thrown -> assertThat(thrown.getSuppressed())
                            .hasSize(2)
                            .satisfies(suppressed -> {
                                assertThat(suppressed[0]).isInstanceOf(ConnectException.class);
                                assertThat(suppressed[1]).isInstanceOf(SocketTimeoutException.class);
                            }));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }));
    }

    @Test
    @Points(1)
    void connectsToTheFirstAddressWhenItAnswers() throws Exception {
        var errors = new ArrayList<ErrorCode>();
        try (var first = Loopback.listen(); var second = Loopback.listen()) {
            var candidates = List.of((InetSocketAddress) first.getLocalSocketAddress(),
                    (InetSocketAddress) second.getLocalSocketAddress());

            try (var connection = FirstToAnswer.connect(candidates, EACH, (code, failure) -> errors.add(code))) {
                assertThat(connection.getPort()).isEqualTo(first.getLocalPort());
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    @Points(1)
    void reportsAnUnknownHostAndGoesOn() {
        var errors = new ArrayList<Class<?>>();

        assertThatThrownBy(() -> FirstToAnswer.connect(
                List.of(InetSocketAddress.createUnresolved("no-such-host.invalid", 80)), EACH,
                (code, failure) -> errors.add(failure.getClass())))
                .isInstanceOf(IOException.class);
        assertThat(errors).containsExactly(UnknownHostException.class);
    }
}
