package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson05.FrameTooLargeException;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.lesson05.Relay;
import tcpcourse.lesson05.Server;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "5.2", title = "A request/response client over frames")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FrameClientTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    @Points(2)
    void sendsRequestsOneAfterTheOtherOnOneConnection() throws Exception {
        byte[] big = new byte[500_000];
        new Random(9).nextBytes(big);
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, QUIET)) {
            var serving = background.run(server::serve);

            background.callWhile(serving, () -> {
                try (var client = FrameClient.connect(server.localAddress(), LengthPrefix.DEFAULT_MAXIMUM)) {
                    assertThat(client.request("ping".getBytes(UTF_8))).isEqualTo("ping".getBytes(UTF_8));
                    assertThat(client.request(new byte[0])).isEmpty();
                    assertThat(Arrays.equals(client.request(big), big)).isTrue();
                    assertThat(client.request("pong".getBytes(UTF_8))).isEqualTo("pong".getBytes(UTF_8));
                }
                return null;
            });
        }
    }

    @Test
    @Points(1)
    void worksThroughARelayThatCutsTheStream() throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, QUIET);
                var relay = Relay.listen("127.0.0.1", 0, server.localAddress(), 11, QUIET)) {
            var serving = background.run(server::serve);
            background.run(relay::serve);

            background.callWhile(serving, () -> {
                try (var client = FrameClient.connect(relay.localAddress(), LengthPrefix.DEFAULT_MAXIMUM)) {
                    for (int i = 0; i < 50; i++) {
                        byte[] request = ("request number " + i).getBytes(UTF_8);
                        assertThat(client.request(request)).isEqualTo(request);
                    }
                }
                return null;
            });
        }
    }

    @Test
    @Points(1)
    void refusesAnAnswerOverTheMaximum() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = background.run(() -> {
                try (var connection = listener.accept()) {
                    connection.getInputStream().readNBytes(4 + 5);
                    new DataOutputStream(connection.getOutputStream()).writeInt(1000);
                    connection.getInputStream().read(); // until the client goes
                }
            });

            background.callWhile(server, () -> {
                try (var client = FrameClient.connect((InetSocketAddress) listener.getLocalSocketAddress(), 100)) {
                    assertThatThrownBy(() -> client.request("hello".getBytes(UTF_8)))
                            .isInstanceOf(FrameTooLargeException.class);
                }
                return null;
            });
        }
    }

    @Test
    @Points(1)
    void saysWhenTheServerEndsInTheMiddleOfAnAnswer() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var server = background.run(() -> {
                try (var connection = listener.accept()) {
                    connection.getInputStream().readNBytes(4 + 5);
                    var out = new DataOutputStream(connection.getOutputStream());
                    out.writeInt(10);
                    out.write("only".getBytes(UTF_8)); // 4 of 10 bytes, then the end
                }
            });

            background.callWhile(server, () -> {
                try (var client = FrameClient.connect((InetSocketAddress) listener.getLocalSocketAddress(), 100)) {
                    assertThatThrownBy(() -> client.request("hello".getBytes(UTF_8))).isInstanceOf(EOFException.class);
                }
                return null;
            });
        }
    }
}
