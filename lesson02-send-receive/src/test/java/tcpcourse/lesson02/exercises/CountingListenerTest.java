package tcpcourse.lesson02.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson02.ReadLoop;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "2.1", title = "A data listener that counts")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CountingListenerTest {

    @Test
    @Points(1)
    void countsTheBytesAndChunksItIsGiven() throws Exception {
        var counter = new CountingListener();

        counter.onData(new byte[] {1, 2, 3}, 3);
        counter.onData(new byte[] {4}, 1);

        assertThat(counter.bytes()).isEqualTo(4);
        assertThat(counter.chunks()).isEqualTo(2);
    }

    @Test
    @Points(1)
    void countsOnlyTheBytesInUse() throws Exception {
        var counter = new CountingListener();
        byte[] reusedBuffer = new byte[8192];

        counter.onData(reusedBuffer, 10);
        counter.onData(reusedBuffer, 5);

        assertThat(counter.bytes()).isEqualTo(15);
        assertThat(counter.chunks()).isEqualTo(2);
    }

    @Test
    @Points(1)
    void notesTheEndOfTheStream() throws Exception {
        var counter = new CountingListener();
        assertThat(counter.ended()).isFalse();

        counter.onEnd();

        assertThat(counter.ended()).isTrue();
    }

    @Test
    @Points(2)
    void countsEveryByteThatCrossesARealConnection() throws Exception {
        byte[] megabyte = new byte[1 << 20];
        new Random(2).nextBytes(megabyte);
        var counter = new CountingListener();

        try (var background = new Background()) {
            Loopback.withConnectedPair((client, server) -> {
                var sending = background.run(() -> {
                    server.getOutputStream().write(megabyte);
                    server.shutdownOutput();
                });
                long read = ReadLoop.readUntilEnd(client.getInputStream(), counter);
                sending.get(10, TimeUnit.SECONDS);

                assertThat(read).isEqualTo(megabyte.length);
            });
        }

        assertThat(counter.bytes()).isEqualTo(megabyte.length);
        assertThat(counter.chunks()).isBetween(1, megabyte.length);
        assertThat(counter.ended()).isTrue();
    }
}
