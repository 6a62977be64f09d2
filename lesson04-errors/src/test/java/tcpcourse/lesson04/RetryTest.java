package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RetryTest {

    private final Retry.Backoff backoff = new Retry.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(7));

    @Test
    void waitsAtMostTwiceAsLongAfterEachFailureUpToTheCap() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(1000, 100L << (attempt - 1));

            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delayAfter(attempt).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void spreadsTheWaitsOut() {
        var delays = new ArrayList<Long>();

        for (int draw = 0; draw < 50; draw++) {
            delays.add(backoff.delayAfter(5).toMillis());
        }

        assertThat(delays.stream().distinct().count()).isGreaterThan(10); // jitter, not one fixed wait
    }

    @Test
    void connectsOnceTheServerHasStarted() throws Exception {
        var placeholder = new Socket();
        placeholder.bind(new InetSocketAddress(Loopback.ADDRESS, 0)); // bound, not listening: refused
        int port = placeholder.getLocalPort();
        var errors = new ArrayList<ErrorCode>();
        var started = new ServerSocket[1];
        Retry.Sleeper startTheServerOnTheSecondWait = delay -> {
            if (errors.size() == 2) {
                try {
                    placeholder.close();
                    started[0] = new ServerSocket(port, 50, Loopback.ADDRESS);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        try (var connection = Retry.connect("127.0.0.1", port, Duration.ofSeconds(2), 5, backoff,
                startTheServerOnTheSecondWait, (code, failure) -> errors.add(code))) {
            assertThat(connection.isConnected()).isTrue();
        } finally {
            placeholder.close();
            if (started[0] != null) {
                started[0].close();
            }
        }
        assertThat(errors).containsExactly(ErrorCode.ECONNREFUSED, ErrorCode.ECONNREFUSED);
    }

    @Test
    void neverRetriesAnUnknownHost() {
        List<Duration> waits = new ArrayList<>();

        assertThatThrownBy(() -> Retry.connect("no-such-host.invalid", 80, Duration.ofSeconds(1), 5, backoff,
                waits::add, (code, failure) -> {}))
                .isInstanceOf(UnknownHostException.class);
        assertThat(waits).isEmpty();
    }
}
