package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "2.2", title = "A full-duplex copy")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DuplexTest {

    /** The relay under test, running in the background. */
    record Relay(Background background, CompletableFuture<Duplex.Copied> copying) {

        /** Runs {@code step} while the relay runs: if the relay fails first, its failure is thrown at once. */
        <T> T whileCopying(Callable<T> step) throws Exception {
            return background.callWhile(copying, step);
        }
    }

    /** The two outer ends of a relay: what the client and the server see. */
    @FunctionalInterface
    interface RelayBody {
        void accept(Socket client, Socket server, Relay relay) throws Exception;
    }

    /** client <-> [left  Duplex  right] <-> server, all on loopback. */
    private static void withRelay(RelayBody body) throws Exception {
        try (var background = new Background();
                var clientSide = Loopback.listen();
                var serverSide = Loopback.listen();
                var client = Loopback.connect((InetSocketAddress) clientSide.getLocalSocketAddress());
                var left = clientSide.accept();
                var right = Loopback.connect((InetSocketAddress) serverSide.getLocalSocketAddress());
                var server = serverSide.accept()) {
            server.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
            var copying = background.call(() -> Duplex.copyBothWays(left, right));
            body.accept(client, server, new Relay(background, copying));
        }
    }

    @Test
    @Points(1)
    void copiesEachWay() throws Exception {
        withRelay((client, server, relay) -> {
            client.getOutputStream().write("ping".getBytes(UTF_8));
            byte[] atServer = relay.whileCopying(() -> server.getInputStream().readNBytes(4));
            server.getOutputStream().write("pong!".getBytes(UTF_8));
            byte[] atClient = relay.whileCopying(() -> client.getInputStream().readNBytes(5));

            assertThat(new String(atServer, UTF_8)).isEqualTo("ping");
            assertThat(new String(atClient, UTF_8)).isEqualTo("pong!");
        });
    }

    @Test
    @Points(2)
    void copiesBothWaysAtOnce() throws Exception {
        // Both ends write 4 MiB before reading anything. A copy that does one direction at a
        // time fills the other direction's buffers and never finishes.
        byte[] up = new byte[4 << 20];
        byte[] down = new byte[4 << 20];
        new Random(1).nextBytes(up);
        new Random(2).nextBytes(down);
        try (var background = new Background()) {
            withRelay((client, server, relay) -> {
                var clientWriting = background.run(() -> {
                    client.getOutputStream().write(up);
                    client.shutdownOutput();
                });
                var serverWriting = background.run(() -> {
                    server.getOutputStream().write(down);
                    server.shutdownOutput();
                });
                var atClient = background.call(() -> client.getInputStream().readAllBytes());
                var atServer = background.call(() -> server.getInputStream().readAllBytes());

                assertThat(Arrays.equals(relay.whileCopying(() -> atServer.get(15, TimeUnit.SECONDS)), up)).isTrue();
                assertThat(Arrays.equals(relay.whileCopying(() -> atClient.get(15, TimeUnit.SECONDS)), down)).isTrue();
                clientWriting.get(1, TimeUnit.SECONDS);
                serverWriting.get(1, TimeUnit.SECONDS);
            });
        }
    }

    @Test
    @Points(1)
    void passesTheEndOnAndKeepsCopyingTheOtherWay() throws Exception {
        withRelay((client, server, relay) -> {
            client.getOutputStream().write("last words".getBytes(UTF_8));
            client.shutdownOutput();

            byte[] atServer = relay.whileCopying(() -> server.getInputStream().readAllBytes()); // returns at the end
            server.getOutputStream().write("a late answer".getBytes(UTF_8));
            byte[] atClient = relay.whileCopying(() -> client.getInputStream().readNBytes(13));

            assertThat(new String(atServer, UTF_8)).isEqualTo("last words");
            assertThat(new String(atClient, UTF_8)).isEqualTo("a late answer");
        });
    }

    @Test
    @Points(1)
    void returnsHowMuchWentEachWayOnceBothHaveEnded() throws Exception {
        withRelay((client, server, relay) -> {
            client.getOutputStream().write(new byte[8]);
            client.shutdownOutput();
            server.getOutputStream().write(new byte[15]);
            server.shutdownOutput();

            var copied = relay.copying().get(10, TimeUnit.SECONDS);

            assertThat(copied).isEqualTo(new Duplex.Copied(8, 15));
        });
    }

    @Test
    @Points(1)
    void failsAndLetsGoOfBothSidesWhenOneSideResets() throws Exception {
        withRelay((client, server, relay) -> {
            client.setSoLinger(true, 0);
            client.close(); // a reset, while the server says nothing at all

            // The relay must not wait for ever on the silent server: it fails, and the server
            // sees its side of the relay go.
            assertThat(relay.copying()).failsWithin(Duration.ofSeconds(10));
            assertThat(server.getInputStream().read()).isEqualTo(-1);
        });
    }
}
