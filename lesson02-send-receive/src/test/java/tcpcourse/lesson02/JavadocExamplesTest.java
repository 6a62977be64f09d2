package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson02.exercises.CountingListener;
import tcpcourse.lesson02.exercises.Duplex;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.JavadocExample;
import tcpcourse.testkit.Loopback;

/**
 * The exercises' Javadoc examples, run for real with the reference solutions: what each example
 * says it prints is what the code prints, or the bounds it states hold.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JavadocExamplesTest {

    private static final Pattern COUNTED = Pattern.compile("(\\d+) bytes in (\\d+) chunks");

    @Test
    void countingListenersExampleGivesTheBytesSentAndNoFewerChunksThanReadsMustTake() throws Exception {
        var example = COUNTED.matcher(JavadocExample.printed(JavadocExample.stub(CountingListener.class)));
        assertThat(example.matches()).as("the example prints \"N bytes in M chunks\"").isTrue();
        long bytes = Long.parseLong(example.group(1));
        int fewestChunks = (int) ((bytes + ReadLoop.CHUNK_SIZE - 1) / ReadLoop.CHUNK_SIZE);
        String text = java.nio.file.Files.readString(JavadocExample.stub(CountingListener.class), UTF_8);

        var counter = new CountingListener();
        Loopback.withConnectedPair((client, server) -> {
            server.getOutputStream().write(new byte[(int) bytes]);
            server.shutdownOutput();
            ReadLoop.readUntilEnd(client.getInputStream(), counter);
        });

        assertThat(bytes).isEqualTo(1 << 20);
        assertThat(text).contains("sends 1 MiB", "at most " + ReadLoop.CHUNK_SIZE + " bytes", "never under " + fewestChunks);
        assertThat(counter.bytes()).isEqualTo(bytes);
        assertThat(counter.chunks()).isGreaterThanOrEqualTo(fewestChunks);
        assertThat(Integer.parseInt(example.group(2))).isGreaterThanOrEqualTo(fewestChunks);
    }

    @Test
    void duplexExampleCountsWhatEachSideSent() throws Exception {
        String printed = JavadocExample.printed(JavadocExample.stub(Duplex.class));
        byte[] request = "world!\r\n".getBytes(UTF_8);
        byte[] answer = "hello, world!\r\n".getBytes(UTF_8);
        String text = java.nio.file.Files.readString(JavadocExample.stub(Duplex.class), UTF_8);

        var copied = new Duplex.Copied[1];
        Loopback.withConnectedPair((client, fromClient) -> Loopback.withConnectedPair((toServer, server) -> {
            try (var background = new Background()) {
                var relay = background.call(() -> Duplex.copyBothWays(fromClient, toServer));
                client.getOutputStream().write(request);
                client.shutdownOutput();
                server.getOutputStream().write(answer);
                server.shutdownOutput();
                assertThat(server.getInputStream().readAllBytes()).isEqualTo(request);
                assertThat(client.getInputStream().readAllBytes()).isEqualTo(answer);
                copied[0] = relay.get(10, TimeUnit.SECONDS);
            }
        }));

        assertThat(text).contains("sends {@code world!\\r\\n}", "answers {@code hello, world!\\r\\n}");
        assertThat(copied[0]).hasToString(printed);
    }
}
