package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void givesUpOnAServerThatNeverAnswers() throws Exception {
        // A listener that never accepts: the handshake completes in its queue, and no answer ever comes.
        try (var silent = Loopback.listen()) {
            var address = (InetSocketAddress) silent.getLocalSocketAddress();

            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> Client.talkTo("127.0.0.1", address.getPort(),
                            List.of("hello".getBytes(UTF_8)), Duration.ofMillis(300), QUIET))
                            .isInstanceOf(SocketTimeoutException.class));
        }
    }

    @Test
    void refusesATimeoutOfZeroBecauseItWouldMeanWaitForEver() throws Exception {
        var err = new CapturedOutput();

        int status = Client.run(new String[] {"--timeout=0"}, QUIET, err.printStream());

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("--timeout must be a number of milliseconds, 1 or more, not '0'");
    }

    @Test
    void namesTheOptionItCannotRead() throws Exception {
        var err = new CapturedOutput();

        int status = Client.run(new String[] {"--count=none"}, QUIET, err.printStream());

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).singleElement().asString().startsWith("--count must be a whole number, 1 or more, not 'none'");
    }

    @Test
    void givesUpOnAServerThatStopsReadingWhileFramesAreStillGoingOut() throws Exception {
        // given: a listener that never accepts, so nothing reads what arrives; 100 MB of frames
        // fill the connection's buffers long before they are all sent, and the writer blocks
        try (var neverReads = Loopback.listen()) {
            var address = (InetSocketAddress) neverReads.getLocalSocketAddress();
            List<byte[]> frames = Collections.nCopies(10_000, new byte[10_000]);

            // when, then: the read times out, and the client must not wait for ever on its writer
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> Client.talkTo("127.0.0.1", address.getPort(), frames,
                            Duration.ofMillis(300), QUIET))
                            .isInstanceOf(SocketTimeoutException.class));
        }
    }

    @Test
    void saysInOneLineThatTheServerEndedInTheMiddleOfAnAnswer() throws Exception {
        // given: a server that reads the one frame, answers with a length of 100 and 3 bytes, and ends
        var err = new CapturedOutput();
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = background.run(() -> {
                try (var connection = listener.accept()) {
                    connection.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                    var fromClient = new DataInputStream(connection.getInputStream());
                    fromClient.readFully(new byte[fromClient.readInt()]);
                    var toClient = new DataOutputStream(connection.getOutputStream());
                    toClient.writeInt(100);
                    toClient.write(new byte[3]);
                    connection.shutdownOutput();
                    fromClient.readAllBytes(); // until the client closes: nothing unread, no reset
                }
            });
            int port = ((InetSocketAddress) listener.getLocalSocketAddress()).getPort();

            // when
            int status = background.callWhile(server, () -> Client.run(new String[] {"--port=" + port, "--count=1"},
                    QUIET, err.printStream()));

            // then
            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly("connection to 127.0.0.1:" + port
                    + " failed: the server ended the connection in the middle of a message");
        }
    }
}
