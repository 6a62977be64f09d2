package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * What the lesson claims about chunks, shown on real loopback connections; each test records what
 * its run measured, for the lesson page.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ChunksTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Waits until {@code count} bytes have arrived and are waiting to be read. */
    private static void awaitWaiting(Socket reader, int count) {
        await().atMost(WAIT).until(() -> reader.getInputStream().available() == count);
    }

    @Test
    void oneWriteCanArriveAsSeveralChunks() throws Exception {
        byte[] megabyte = new byte[1 << 20];
        var chunkSizes = new ArrayList<Integer>();
        int receiveBuffer;
        try (var background = new Background(); var listener = new ServerSocket()) {
            // A small receive buffer: the system cannot hold the whole write at once for the reader.
            listener.setReceiveBufferSize(64 * 1024);
            listener.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
            try (var writer = Loopback.connect((InetSocketAddress) listener.getLocalSocketAddress());
                    var reader = listener.accept()) {
                reader.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                receiveBuffer = reader.getReceiveBufferSize();
                var writing = background.run(() -> {
                    writer.getOutputStream().write(megabyte); // one single write
                    writer.shutdownOutput();
                });

                long total = ReadLoop.readUntilEnd(reader.getInputStream(), (chunk, length) -> chunkSizes.add(length));
                writing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(total).isEqualTo(megabyte.length);
            }
        }
        assertThat(chunkSizes).hasSizeGreaterThan(1);
        assertThat(chunkSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(megabyte.length);
        assertThat(chunkSizes).allMatch(size -> size <= ReadLoop.CHUNK_SIZE);
        // What this run measured, for the lesson page's diagram.
        var facts = new LinkedHashMap<String, Object>();
        facts.put("megabyte-bytes", megabyte.length);
        facts.put("megabyte-chunks", chunkSizes.size());
        facts.put("megabyte-first-chunks", chunkSizes.subList(0, Math.min(3, chunkSizes.size())).stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        facts.put("read-buffer-bytes", ReadLoop.CHUNK_SIZE);
        facts.put("megabyte-receive-buffer-bytes", receiveBuffer);
        Transcripts.attributes("chunks.adoc", facts);
    }

    @Test
    void severalWritesCanArriveAsOneChunk() throws Exception {
        Loopback.withConnectedPair((writer, reader) -> {
            writer.getOutputStream().write("ab".getBytes(UTF_8));
            writer.getOutputStream().write("cd".getBytes(UTF_8));
            writer.getOutputStream().write("ef".getBytes(UTF_8));
            awaitWaiting(reader, 6);

            byte[] chunk = new byte[8192];
            int length = reader.getInputStream().read(chunk);

            assertThat(length).isEqualTo(6);
            assertThat(new String(chunk, 0, length, UTF_8)).isEqualTo("abcdef");
            Transcripts.attributes("few-writes.adoc", Map.of("few-writes-chunk-bytes", length));
        });
    }

    @Test
    void aChunkCanEndInsideACharacter() throws Exception {
        byte[] eAcute = "é".getBytes(UTF_8); // two bytes: C3 A9
        Loopback.withConnectedPair((writer, reader) -> {
            var text = new Utf8Text();
            byte[] chunk = new byte[8192];

            writer.getOutputStream().write(eAcute, 0, 1);
            awaitWaiting(reader, 1);
            int firstLength = read(reader, chunk);
            String naiveFirst = new String(chunk, 0, firstLength, UTF_8);
            String decodedFirst = text.decode(chunk, firstLength);

            writer.getOutputStream().write(eAcute, 1, 1);
            awaitWaiting(reader, 1);
            int secondLength = read(reader, chunk);
            String decodedSecond = text.decode(chunk, secondLength);

            assertThat(naiveFirst).isEqualTo("\uFFFD"); // new String(chunk) spoils the character
            assertThat(decodedFirst).isEmpty(); // the decoder keeps the first half...
            assertThat(decodedSecond).isEqualTo("é"); // ...until the second arrives
            var facts = new LinkedHashMap<String, Object>();
            facts.put("e-acute-bytes", eAcute.length);
            facts.put("e-acute-first-byte", String.format("%02X", eAcute[0]));
            facts.put("e-acute-second-byte", String.format("%02X", eAcute[1]));
            facts.put("euro-bytes", "€".getBytes(UTF_8).length);
            facts.put("split-first-read-bytes", firstLength);
            facts.put("split-second-read-bytes", secondLength);
            Transcripts.attributes("split-character.adoc", facts);
        });
    }

    private static int read(Socket reader, byte[] chunk) throws IOException {
        return reader.getInputStream().read(chunk);
    }
}
