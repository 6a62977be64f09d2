package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.2", title = "Ask, then read the whole reply")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RequestReplyTest {

    /** A server for one client: reads the request to its end, then sends {@code parts} and ends. */
    private static CompletableFuture<byte[]> answerAtTheEnd(Background background, ServerSocket listener, byte[]... parts) {
        return background.call(() -> {
            try (var connection = listener.accept()) {
                connection.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                byte[] request = connection.getInputStream().readAllBytes();
                for (byte[] part : parts) {
                    connection.getOutputStream().write(part);
                    connection.getOutputStream().flush();
                }
                return request;
            }
        });
    }

    private static byte[] ask(Background background, CompletableFuture<?> server, ServerSocket listener, String request)
            throws Exception {
        var address = (InetSocketAddress) listener.getLocalSocketAddress();
        return background.callWhile(server, () -> RequestReply.ask(address, request.getBytes(UTF_8)));
    }

    @Test
    @Points(2)
    void endsTheRequestSoTheServerAnswers() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = answerAtTheEnd(background, listener, "fine, thanks\n".getBytes(UTF_8));

            byte[] reply = ask(background, server, listener, "how are you?");

            assertThat(new String(reply, UTF_8)).isEqualTo("fine, thanks\n");
            assertThat(new String(server.get(5, TimeUnit.SECONDS), UTF_8)).isEqualTo("how are you?");
        }
    }

    @Test
    @Points(2)
    void readsAReplyThatComesInSeveralPartsUntilTheEnd() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(3).nextBytes(big);
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = answerAtTheEnd(background, listener,
                    "part one, ".getBytes(UTF_8), "part two, ".getBytes(UTF_8), big);

            byte[] reply = ask(background, server, listener, "everything, please");

            byte[] expected = concat("part one, part two, ".getBytes(UTF_8), big);
            assertThat(reply.length).isEqualTo(expected.length);
            assertThat(Arrays.equals(reply, expected)).isTrue();
        }
    }

    @Test
    @Points(1)
    void returnsAnEmptyReplyWhenTheServerSaysNothing() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = answerAtTheEnd(background, listener);

            byte[] reply = ask(background, server, listener, "anyone?");

            assertThat(reply).isEmpty();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) throws IOException {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
