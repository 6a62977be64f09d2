package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/** The lesson's server: the wire format exactly, and bad input costing only its own connection. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The greedy client of {@link #aClientThatNeverReadsCostsOnlyItsOwnConnection}: frames of this size, */
    private static final int GREEDY_FRAME = 64 * 1024;

    /** this many of them, never reading an answer, */
    private static final int GREEDY_FRAMES = 1024;

    /** while the polite client makes this many round trips. */
    private static final int POLITE_ROUND_TRIPS = 100;

    /** The page says what these tests send in their words, from what they really sent: 1 MiB, 64 MiB. */
    static String inUnits(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** A client of the server, speaking the wire format. */
    record Peer(Socket socket, DataInputStream in, DataOutputStream out) implements AutoCloseable {

        static Peer connect(InetSocketAddress server) throws Exception {
            var socket = Loopback.connect(server);
            return new Peer(socket, new DataInputStream(new BufferedInputStream(socket.getInputStream())),
                    new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
        }

        byte[] echo(byte[] frame) throws Exception {
            LengthPrefix.writeFrame(out, frame);
            out.flush();
            return LengthPrefix.readFrame(in, Integer.MAX_VALUE);
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    @FunctionalInterface
    interface ServerBody {
        void accept(Server server, CapturedOutput log) throws Exception;
    }

    private static void withServer(ServerBody body) throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, log.printStream())) {
            background.run(server::serve);
            body.accept(server, log);
        }
    }

    @Test
    void sendsEveryFrameBackUnchanged() throws Exception {
        byte[] megabyte = new byte[LengthPrefix.DEFAULT_MAXIMUM];
        new Random(5).nextBytes(megabyte);
        withServer((server, log) -> {
            try (var peer = Peer.connect(server.localAddress())) {
                assertThat(peer.echo("héllo".getBytes(UTF_8))).isEqualTo("héllo".getBytes(UTF_8));
                assertThat(peer.echo(new byte[0])).isEmpty();
                assertThat(Arrays.equals(peer.echo(megabyte), megabyte)).isTrue();
            }
        });
        Transcripts.attributes("server-echo-test.adoc", Map.of("server-test-largest-frame", inUnits(megabyte.length)));
    }

    @Test
    void answersAFrameWhileTheNextHasOnlyBegunToArrive() throws Exception {
        withServer((server, log) -> {
            try (var peer = Peer.connect(server.localAddress())) {
                // In one write: a whole frame, then the first two bytes of the next one's length.
                LengthPrefix.writeFrame(peer.out, "whole".getBytes(UTF_8));
                peer.out.write(new byte[] {0, 0});
                peer.out.flush();

                byte[] answer = LengthPrefix.readFrame(peer.in, 100);

                assertThat(answer).isEqualTo("whole".getBytes(UTF_8));

                // Then the rest of that length, and its payload: the two halves make one length.
                peer.out.write(new byte[] {0, 4});
                peer.out.write("rest".getBytes(UTF_8));
                peer.out.flush();

                assertThat(LengthPrefix.readFrame(peer.in, 100)).isEqualTo("rest".getBytes(UTF_8));
            }
        });
    }

    @Test
    void aStreamCutAnywhereComesBackUnchanged() throws Exception {
        // Frames of many sizes, empty ones too, sent in pieces: each length cut in two, and
        // payloads cut at random points. With Nagle off, most pieces leave in segments of their
        // own, and many of the server's reads end inside a length.
        var random = new Random(7);
        var stream = new ByteArrayOutputStream();
        var frames = new DataOutputStream(stream);
        var cuts = new TreeSet<Integer>();
        for (int i = 0; i < 200; i++) {
            cuts.add(frames.size() + 1 + random.nextInt(3));
            byte[] payload = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(3 * 8192)];
            random.nextBytes(payload);
            LengthPrefix.writeFrame(frames, payload);
            if (payload.length > 1) {
                cuts.add(frames.size() - 1 - random.nextInt(payload.length - 1));
            }
        }
        byte[] sent = stream.toByteArray();
        cuts.add(sent.length);
        withServer((server, log) -> {
            try (var background = new Background(); var peer = Peer.connect(server.localAddress())) {
                peer.socket.setTcpNoDelay(true);
                var sending = background.run(() -> {
                    int at = 0;
                    for (int cut : cuts) {
                        peer.out.write(sent, at, cut - at);
                        peer.out.flush();
                        at = cut;
                    }
                });
                byte[] received = new byte[sent.length];
                peer.socket.setSoTimeout((int) WAIT.toMillis());
                peer.in.readFully(received);
                sending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(Arrays.equals(received, sent)).isTrue();
            }
        });
    }

    @Test
    void aBigFrameStartsComingBackBeforeItHasAllArrived() throws Exception {
        byte[] firstHalf = new byte[LengthPrefix.DEFAULT_MAXIMUM / 2];
        new Random(6).nextBytes(firstHalf);
        withServer((server, log) -> {
            try (var peer = Peer.connect(server.localAddress())) {
                peer.out.writeInt(LengthPrefix.DEFAULT_MAXIMUM);
                peer.out.write(firstHalf);
                peer.out.flush();

                // The second half is not sent yet: a server that held the whole frame would
                // send nothing, and this read would time out.
                peer.socket.setSoTimeout((int) WAIT.toMillis());
                assertThat(peer.in.readInt()).isEqualTo(LengthPrefix.DEFAULT_MAXIMUM);
                byte[] echoed = new byte[firstHalf.length];
                peer.in.readFully(echoed);

                assertThat(Arrays.equals(echoed, firstHalf)).isTrue();
            }
        });
    }

    @Test
    void aFrameOverTheMaximumClosesOnlyItsConnection() throws Exception {
        withServer((server, log) -> {
            try (var good = Peer.connect(server.localAddress()); var bad = Peer.connect(server.localAddress())) {
                assertThat(good.echo("before".getBytes(UTF_8))).isEqualTo("before".getBytes(UTF_8));

                bad.out.writeInt(LengthPrefix.DEFAULT_MAXIMUM + 1);
                bad.out.flush();

                assertThat(bad.in.read()).isEqualTo(-1); // the server closed the bad connection
                assertThat(good.echo("after".getBytes(UTF_8))).isEqualTo("after".getBytes(UTF_8));
                await().atMost(WAIT).untilAsserted(() -> assertThat(log.lines()).anyMatch(line ->
                        line.matches("closing 127\\.0\\.0\\.1:\\d+: a frame of 1048577 bytes is over the maximum of 1048576")));
            }
        });
    }

    @Test
    void theFramesBeforeOneOverTheMaximumStillComeBack() throws Exception {
        withServer((server, log) -> {
            try (var bad = Peer.connect(server.localAddress())) {
                // In one write: a good frame, then a length over the maximum.
                LengthPrefix.writeFrame(bad.out, "good".getBytes(UTF_8));
                bad.out.writeInt(LengthPrefix.DEFAULT_MAXIMUM + 1);
                bad.out.flush();

                assertThat(LengthPrefix.readFrame(bad.in, 100)).isEqualTo("good".getBytes(UTF_8));
                assertThat(bad.in.read()).isEqualTo(-1); // and nothing of the refused one
            }
        });
    }

    @Test
    void aNegativeLengthClosesOnlyItsConnection() throws Exception {
        withServer((server, log) -> {
            try (var good = Peer.connect(server.localAddress()); var bad = Peer.connect(server.localAddress())) {
                bad.out.writeInt(-1);
                bad.out.flush();

                assertThat(bad.in.read()).isEqualTo(-1);
                assertThat(good.echo("still here".getBytes(UTF_8))).isEqualTo("still here".getBytes(UTF_8));
            }
        });
    }

    @Test
    void aConnectionThatStopsInTheMiddleOfAFrameIsLoggedAndClosed() throws Exception {
        withServer((server, log) -> {
            try (var bad = Peer.connect(server.localAddress())) {
                bad.out.writeInt(100);
                bad.out.write("only part".getBytes(UTF_8));
                bad.out.flush();
                bad.socket.shutdownOutput();

                // What arrived was passed on as it came; then the server closed the connection.
                assertThat(bad.in.readInt()).isEqualTo(100);
                assertThat(bad.in.readAllBytes()).isEqualTo("only part".getBytes(UTF_8));
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(log.lines()).anyMatch(line ->
                    line.endsWith(": the connection ended in the middle of a frame")));
        });
    }

    @Test
    void aClientThatNeverReadsCostsOnlyItsOwnConnection() throws Exception {
        withServer((server, log) -> {
            try (var background = new Background();
                    var greedy = Peer.connect(server.localAddress());
                    var polite = Peer.connect(server.localAddress())) {
                // The greedy client sends 64 MiB of frames and reads none of the answers: the
                // buffers between it and the server fill up, its server thread blocks writing,
                // and so does the greedy client (on a thread of the test's, given up at the end).
                background.run(() -> {
                    byte[] frame = new byte[GREEDY_FRAME];
                    for (int i = 0; i < GREEDY_FRAMES; i++) {
                        LengthPrefix.writeFrame(greedy.out, frame);
                    }
                    greedy.out.flush();
                });

                for (int i = 0; i < POLITE_ROUND_TRIPS; i++) {
                    byte[] message = ("polite " + i).getBytes(UTF_8);
                    assertThat(polite.echo(message)).isEqualTo(message);
                }
            }
        });
        var sent = new LinkedHashMap<String, Object>();
        sent.put("server-test-greedy-bytes", inUnits((long) GREEDY_FRAME * GREEDY_FRAMES));
        sent.put("server-test-polite-round-trips", POLITE_ROUND_TRIPS);
        Transcripts.attributes("server-greedy-test.adoc", sent);
    }
}
