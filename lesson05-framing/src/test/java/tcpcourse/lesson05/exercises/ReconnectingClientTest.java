package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.lesson05.Relay;
import tcpcourse.lesson05.Server;
import tcpcourse.lesson05.exercises.ScriptedServer.Frame;
import tcpcourse.lesson05.exercises.ScriptedServer.Link;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "5.4", title = "A client that survives a real network")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReconnectingClientTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * A read timeout that no answer on loopback comes near, for the tests where the server
     * answers or ends: a client that times out spuriously still gets every answer, only later.
     */
    private static final ClientSettings PATIENT = new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(100), Duration.ofMillis(800), 8);

    /** A short read timeout, for the tests where the server goes silent and the client must notice. */
    private static final ClientSettings QUICK_TO_NOTICE = new ClientSettings(Duration.ofSeconds(2),
            Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(800), 8);

    /** How long a call may take once the server has done all it will do: far more than loopback needs. */
    private static final Duration CALL_WAIT = Duration.ofSeconds(5);

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static List<byte[]> requests(String... texts) {
        return Arrays.stream(texts).map(ReconnectingClientTest::bytes).toList();
    }

    private static String texts(List<byte[]> answers) {
        if (answers == null) {
            return "null";
        }
        return answers.stream().map(answer -> answer == null ? "null" : "\"" + new String(answer, UTF_8) + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(List<String> texts) {
        return texts.stream().map(text -> text.startsWith("(") ? text : "\"" + text + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** A sleeper that records each wait and returns at once: backoff is checked as values, never waited for. */
    private static final class RecordingSleeper implements Sleeper {
        private final List<Duration> delays = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration delay) {
            delays.add(delay);
        }

        synchronized List<Duration> delays() {
            return List.copyOf(delays);
        }

        synchronized int count() {
            return delays.size();
        }
    }

    /**
     * A random source that always gives the largest value it may ({@code top}) or the smallest,
     * whichever of its methods is called: the jitter is then known, and so is each wait.
     */
    private record Extreme(boolean top) implements RandomGenerator {
        @Override
        public long nextLong() {
            return top ? Long.MAX_VALUE : 0;
        }

        @Override
        public long nextLong(long bound) {
            return top ? bound - 1 : 0;
        }

        @Override
        public long nextLong(long origin, long bound) {
            return top ? bound - 1 : origin;
        }

        @Override
        public int nextInt() {
            return top ? Integer.MAX_VALUE : 0;
        }

        @Override
        public int nextInt(int bound) {
            return top ? bound - 1 : 0;
        }

        @Override
        public int nextInt(int origin, int bound) {
            return top ? bound - 1 : origin;
        }

        @Override
        public double nextDouble() {
            return top ? Math.nextDown(1.0) : 0.0;
        }

        @Override
        public double nextDouble(double bound) {
            return top ? Math.nextDown(bound) : 0.0;
        }

        @Override
        public double nextDouble(double origin, double bound) {
            return top ? Math.nextDown(bound) : origin;
        }

        @Override
        public float nextFloat() {
            return top ? Math.nextDown(1.0f) : 0.0f;
        }
    }

    private static ReconnectingClient connect(ScriptedServer server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) throws Exception {
        return Bounded.call(CALL_WAIT, () -> "connect did not return within " + CALL_WAIT.toSeconds()
                + " s to a server that accepts at once",
                () -> ReconnectingClient.connect(server.address(), settings, sleeper, random));
    }

    /** requestAll on a thread of its own, so that a client that hangs fails its test instead of holding it. */
    private static CompletableFuture<List<byte[]>> requestAll(ReconnectingClient client, List<byte[]> requests) {
        return Bounded.start("requestAll", () -> client.requestAll(requests));
    }

    /** What {@code call} gave within {@code bound}: its result, what it threw, or null if it is still going. */
    private static Object outcome(CompletableFuture<?> call, Duration bound) throws InterruptedException {
        try {
            return call.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof UnsupportedOperationException unwritten) {
                throw unwritten;
            }
            return failed.getCause();
        } catch (TimeoutException stillGoing) {
            return null;
        }
    }

    /** The answers requestAll returned within {@link #CALL_WAIT}, or an assertion that says what happened instead. */
    private static List<byte[]> answers(CompletableFuture<List<byte[]>> call, String stuck) throws Exception {
        Object outcome = outcome(call, CALL_WAIT);
        if (outcome == null) {
            throw new AssertionError("requestAll had not returned " + CALL_WAIT.toSeconds() + " s later: " + stuck);
        }
        if (outcome instanceof Throwable thrown) {
            throw new AssertionError("requestAll threw " + thrown + "; " + stuck, thrown);
        }
        @SuppressWarnings("unchecked")
        var answers = (List<byte[]>) outcome;
        return answers;
    }

    private static void assertAnswers(List<byte[]> answers, List<byte[]> expected, String context) {
        assertThat(answers).withFailMessage("%s, requestAll returned %s; the answers, in the order of the requests, "
                + "are %s", context, texts(answers), texts(expected)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(answers.get(i)).withFailMessage("%s, requestAll returned %s; the answers, in the order of the "
                    + "requests, are %s", context, texts(answers), texts(expected)).isEqualTo(expected.get(i));
        }
    }

    @Test
    @Points(1)
    void answersEveryRequestThroughTheLessonsServerAndARelayThatCutsTheStream() throws Exception {
        var random = new Random(54);
        var sent = new ArrayList<byte[]>();
        for (int i = 0; i < 40; i++) {
            byte[] request = new byte[i == 7 ? 0 : i == 20 ? 70_000 : random.nextInt(300)];
            random.nextBytes(request);
            sent.add(request);
        }
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, QUIET);
                var relay = Relay.listen("127.0.0.1", 0, server.localAddress(), 54, QUIET)) {
            background.run(server::serve);
            background.run(relay::serve);

            Object outcome = outcome(Bounded.start("client", () -> {
                try (var client = ReconnectingClient.connect(relay.localAddress(), PATIENT, new RecordingSleeper(),
                        new Random(1))) {
                    var answers = client.requestAll(sent);
                    return List.of(answers, client.heartbeat());
                }
            }), CALL_WAIT);

            assertThat(outcome).withFailMessage(outcome == null
                    ? "40 requests and a heartbeat to the lesson's server, through a relay that cuts the stream at "
                            + "random, had not finished after " + CALL_WAIT.toSeconds() + " s; each request is one "
                            + "frame, its id then its bytes, and each answer is read whole, however it is cut"
                    : "40 requests and a heartbeat through a relay that cuts the stream: threw " + outcome
                            + "; the lesson's server echoes every frame").isInstanceOf(List.class);
            @SuppressWarnings("unchecked")
            var answers = (List<byte[]>) ((List<Object>) outcome).get(0);
            assertThat(answers).withFailMessage("40 requests through the relay got %s answers",
                    answers == null ? "null" : answers.size()).hasSize(40);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(answers.get(i)).withFailMessage("request %d of 40 (%d bytes) got %s back through the relay; "
                        + "the lesson's server echoes each frame, so the answer is the request's own bytes, without its id",
                        i + 1, sent.get(i).length, answers.get(i) == null ? "null" : answers.get(i).length + " bytes")
                        .isEqualTo(sent.get(i));
            }
            assertThat(((List<?>) outcome).get(1)).withFailMessage("heartbeat() on a healthy connection to the lesson's "
                    + "server returned false; the server echoes the empty frame, and heartbeat returns true when it "
                    + "comes back").isEqualTo(true);
        }
    }

    @Test
    @Points(1)
    void matchesEachAnswerToItsRequestByItsIdNotByItsPlace() throws Exception {
        var requests = requests("first", "second", "third");
        try (var server = ScriptedServer.start(link -> {
            var frames = link.read(3);
            link.sendRaw(new byte[4]); // an empty frame first: a heartbeat's echo, not an answer
            for (int i = frames.size() - 1; i >= 0; i--) {
                link.echo(frames.get(i));
            }
            link.echoAll();
        })) {
            try (var client = connect(server, PATIENT, new RecordingSleeper(), new Random(1))) {

                var answers = answers(requestAll(client, requests), "the server had answered all three requests, "
                        + "last first; write every request, then read the answers");

                assertAnswers(answers, requests, "when the server answered \"first\", \"second\", \"third\" last first "
                        + "(after an empty frame); match each answer to its request by the id it brings back, never "
                        + "by its place in the stream, and skip the empty frame");
            }
        }
    }

    @Test
    @Points(1)
    void sendsAgainOnlyTheRequestsThatHaveNoAnswerAfterAnEndAndAReset() throws Exception {
        var requests = requests("r1", "r2", "r3", "r4", "r5");
        try (var server = ScriptedServer.start(first -> {
            var frames = first.read(5);
            first.echo(frames.get(0));
            first.echo(frames.get(1));
            first.endThenAwaitTheClientsEnd(); // answers two, then ends the connection
        }, second -> {
            second.read(3);
            second.reset(); // takes three requests, answers none, and resets
        }, ScriptedServer.Link::echoAll)) {
            try (var client = connect(server, PATIENT, new RecordingSleeper(), new Random(1))) {

                var call = requestAll(client, requests);
                Object outcome = outcome(call, CALL_WAIT);

                Link second = server.connection(2, Duration.ZERO);
                Link third = server.connection(3, Duration.ZERO);
                String seen = "the first connection answered \"r1\" and \"r2\" and ended; on the second the server got "
                        + (second == null ? "nothing (there was no second connection)" : quoted(second.receivedTexts()))
                        + " and reset it; on the third it got "
                        + (third == null ? "nothing (there was no third connection)" : quoted(third.receivedTexts()));
                assertThat(outcome).withFailMessage(outcome == null
                        ? "requestAll had not returned " + CALL_WAIT.toSeconds() + " s later: " + seen
                                + "; after connecting again, send the requests that have no answer yet"
                        : "requestAll " + (outcome instanceof Throwable ? "threw " + outcome : "returned") + "; "
                                + seen).isInstanceOf(List.class);
                assertThat(second).withFailMessage("%s; connect again after a failure", seen).isNotNull();
                assertThat(third).withFailMessage("%s; connect again after a failure", seen).isNotNull();
                assertThat(second.receivedTexts()).withFailMessage("%s; send again only the requests that have no "
                        + "answer yet: \"r3\", \"r4\", \"r5\"", seen).containsExactly("r3", "r4", "r5");
                assertThat(third.receivedTexts()).withFailMessage("%s; send again only the requests that have no "
                        + "answer yet: \"r3\", \"r4\", \"r5\"", seen).containsExactly("r3", "r4", "r5");
                @SuppressWarnings("unchecked")
                var answers = (List<byte[]>) outcome;
                assertAnswers(answers, requests, seen);
            }
        }
    }

    /** A server whose first connection takes the requests and never answers; every later one echoes. */
    private static ScriptedServer silentThenEchoing() throws IOException {
        return ScriptedServer.start(Link::swallowAll, Link::echoAll);
    }

    @Test
    @Points(1)
    void connectsAgainWhenTheServerGoesSilent() throws Exception {
        var requests = requests("are", "you", "there");
        try (var server = silentThenEchoing();
                var client = connect(server, QUICK_TO_NOTICE, new RecordingSleeper(), new Random(1))) {

            var answers = answers(requestAll(client, requests), "the server took the requests and never answered; "
                    + "with a read timeout of 300 ms (setSoTimeout), a read gives up instead of waiting for ever, and "
                    + "the client connects again");

            assertAnswers(answers, requests, "when the first connection went silent and the second echoed");
        }
    }

    @Test
    @Points(1)
    void closesTheConnectionItGaveUpOn() throws Exception {
        var requests = requests("hello?");
        try (var server = silentThenEchoing();
                var client = connect(server, QUICK_TO_NOTICE, new RecordingSleeper(), new Random(1))) {
            var call = requestAll(client, requests);
            Link second = server.connection(2, CALL_WAIT);
            assertThat(second).withFailMessage("the first connection went silent, and the client never connected "
                    + "again within %d s; bound each read with the read timeout, 300 ms", CALL_WAIT.toSeconds())
                    .isNotNull();

            boolean closed = server.connection(1, Duration.ZERO).awaitClientsEnd(Duration.ofSeconds(2));

            assertThat(closed).withFailMessage("the client connected again, but the connection it gave up on was "
                    + "still open 2 s later; close the old socket before you connect again: an open socket holds a "
                    + "file descriptor and buffers here, and a connection on the server").isTrue();
            answers(call, "the second connection echoes");
        }
    }

    @Test
    @Points(1)
    void connectsAgainWhenAnAnswerIsCutShort() throws Exception {
        var requests = requests("one", "two", "three");
        try (var server = ScriptedServer.start(first -> {
            var frames = first.read(3);
            first.echo(frames.get(0));
            byte[] whole = frames.get(1).whole();
            byte[] half = {0, 0, 0, (byte) whole.length, whole[0], whole[1]}; // the length, then 2 of its bytes
            first.sendRaw(half);
            first.endThenAwaitTheClientsEnd();
        }, Link::echoAll)) {
            try (var client = connect(server, PATIENT, new RecordingSleeper(), new Random(1))) {

                var answers = answers(requestAll(client, requests), "the server answered \"one\", sent half of the "
                        + "next answer and ended the connection; an end in the middle of a frame is a failed "
                        + "connection, like a reset");

                Link second = server.connection(2, Duration.ZERO);
                assertAnswers(answers, requests, "when the first connection answered \"one\", then sent half an answer "
                        + "and ended");
                assertThat(second).withFailMessage("requestAll returned its answers without a second connection")
                        .isNotNull();
                assertThat(second.receivedTexts()).withFailMessage("the first connection answered \"one\", then sent "
                        + "half an answer and ended; on the second the server got %s: half an answer is no answer, "
                        + "so send \"two\" and \"three\" again, and only them", quoted(second.receivedTexts()))
                        .containsExactly("two", "three");
            }
        }
    }

    /** Connection 1 answers the first request and ends; 2 to 6 are reset at once; 7 echoes. The waits it took. */
    private static Object waitsAcrossFiveResets(RecordingSleeper sleeper, RandomGenerator random) throws Exception {
        ScriptedServer.Script resetAtOnce = Link::reset;
        try (var server = ScriptedServer.start(first -> {
            var frames = first.read(2);
            first.echo(frames.get(0));
            first.endThenAwaitTheClientsEnd();
        }, resetAtOnce, resetAtOnce, resetAtOnce, resetAtOnce, resetAtOnce, Link::echoAll)) {
            try (var client = connect(server, PATIENT, sleeper, random)) {
                Object outcome = outcome(requestAll(client, requests("a", "b")), CALL_WAIT);
                if (outcome instanceof List<?>) {
                    return sleeper.delays();
                }
                return "requestAll " + (outcome == null ? "had not returned " + CALL_WAIT.toSeconds() + " s later"
                        : "threw " + outcome) + " (it waited " + millis(sleeper.delays()) + ", " + server.connections()
                        + " connections)";
            }
        }
    }

    private static String millis(List<Duration> delays) {
        return delays.stream().map(delay -> delay.toMillis() + " ms").collect(Collectors.joining(", ", "[", "]"));
    }

    private static final List<Long> CEILINGS = List.of(100L, 200L, 400L, 800L, 800L, 800L);

    private static final String SCENE = "the first connection answered one request of two and ended, then five "
            + "connections in a row were reset at once, then one echoed (firstBackoff 100 ms, backoffCap 800 ms)";

    @Test
    @Points(1)
    void waitsTwiceAsLongAfterEachFailureInARowUpToTheCap() throws Exception {
        var sleeper = new RecordingSleeper();

        Object waits = waitsAcrossFiveResets(sleeper, new Extreme(true));

        assertThat(waits).withFailMessage("%s: %s", SCENE, waits).isInstanceOf(List.class);
        var delays = sleeper.delays().stream().map(Duration::toMillis).toList();
        boolean right = delays.size() == CEILINGS.size();
        for (int i = 0; right && i < delays.size(); i++) {
            right = delays.get(i) <= CEILINGS.get(i) && delays.get(i) >= CEILINGS.get(i) - 1;
        }
        String why = delays.stream().anyMatch(delay -> delay > 800) ? "never wait longer than backoffCap"
                : delays.size() > 1 && delays.stream().distinct().count() == 1
                        ? "a connection that fails before it brings an answer is one more failure in a row: "
                                + "do not start again from firstBackoff each time a connect succeeds"
                        : delays.size() != CEILINGS.size()
                                ? "wait once before each attempt to connect again, six in all"
                                : "double the ceiling after each failure in a row, from firstBackoff up to backoffCap, "
                                        + "and take the jitter from the random source given to connect";
        assertThat(right).withFailMessage("%s; with a random source that always gives its largest value, each wait is "
                + "its whole ceiling, 100, 200, 400, 800, 800, 800 ms; the client waited %s: %s", SCENE,
                millis(sleeper.delays()), why).isTrue();
    }

    @Test
    @Points(1)
    void takesARandomPartOfEachWaitFromTheRandomSource() throws Exception {
        var sleeper = new RecordingSleeper();

        Object waits = waitsAcrossFiveResets(sleeper, new Extreme(false));

        assertThat(waits).withFailMessage("%s: %s", SCENE, waits).isInstanceOf(List.class);
        var delays = sleeper.delays().stream().map(Duration::toMillis).toList();
        assertThat(delays).withFailMessage("%s; the client waited %s, six waits expected, one before each attempt to "
                + "connect again", SCENE, millis(sleeper.delays())).hasSize(CEILINGS.size());
        for (int i = 0; i < delays.size(); i++) {
            assertThat(delays.get(i) >= 0 && delays.get(i) < CEILINGS.get(i)).withFailMessage("%s; with a random "
                    + "source that always gives its smallest value, the client waited %s, and wait %d was %d ms, its "
                    + "whole ceiling of %d ms or more: take a random time up to the ceiling (jitter), from the random "
                    + "source given to connect, so that clients cut off together do not all come back together",
                    SCENE, millis(sleeper.delays()), i + 1, delays.get(i), CEILINGS.get(i)).isTrue();
        }
    }

    @Test
    @Points(1)
    void givesUpAfterItsAttemptsWhenTheServerNoLongerAnswers() throws Exception {
        var settings = new ClientSettings(Duration.ofMillis(150), Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofMillis(800), 3);
        var sleeper = new RecordingSleeper();
        try (var server = ScriptedServer.start(1, first -> {
            first.read(1);
            // From now on no handshake completes: every attempt to connect again waits for its timeout.
            first.server().fillQueue();
            first.reset();
        })) {
            try (var client = connect(server, settings, sleeper, new Random(1))) {

                Object outcome = outcome(requestAll(client, requests("anyone?")), Duration.ofSeconds(3));

                assertThat(outcome).withFailMessage(outcome == null
                        ? (sleeper.count() > 3
                                ? "the connection was reset and the server stopped answering handshakes; 3 s later "
                                        + "the client was still trying, after " + sleeper.count() + " waits: give up "
                                        + "after settings.attempts() (3) attempts in a row without an answer, and "
                                        + "throw the last failure"
                                : "the connection was reset and the server stopped answering handshakes; 3 s later "
                                        + "requestAll had not returned, after " + sleeper.count() + " waits: an "
                                        + "attempt to connect waits for ever without a deadline; give connect the "
                                        + "connectTimeout, 150 ms")
                        : "the connection was reset and the server stopped answering handshakes; requestAll "
                                + (outcome instanceof List<?> ? "returned" : "threw " + outcome) + " after "
                                + sleeper.count() + " waits; after 3 attempts in a row without an answer, it must "
                                + "give up and throw the last failure, an IOException").isInstanceOf(IOException.class);
                assertThat(sleeper.count()).withFailMessage("the connection was reset and the server stopped answering "
                        + "handshakes; requestAll gave up after %d waits: with attempts = 3, it tries to connect again "
                        + "3 times, waiting before each", sleeper.count()).isEqualTo(3);
            }
        }
    }

    @Test
    @Points(1)
    void heartbeatFindsAServerThatHasGoneSilentAndConnectsAgain() throws Exception {
        var settings = new ClientSettings(Duration.ofSeconds(2), Duration.ofMillis(600), Duration.ofMillis(100),
                Duration.ofMillis(800), 8);
        try (var server = ScriptedServer.start(first -> {
            first.echo(first.readFrame()); // the request
            first.echo(first.readFrame()); // the first heartbeat
            first.swallowAll(); // then silent: a server that hangs, a peer that is gone
        }, Link::echoAll)) {
            try (var client = connect(server, settings, new RecordingSleeper(), new Random(1))) {
                answers(requestAll(client, requests("before")), "the server echoes");

                Object healthy = outcome(Bounded.start("heartbeat", client::heartbeat), CALL_WAIT);
                Object silent = outcome(Bounded.start("heartbeat", client::heartbeat), CALL_WAIT);

                Link first = server.connection(1, Duration.ZERO);
                var frames = first.receivedTexts();
                assertThat(frames.size() >= 2 && frames.get(1).equals("(empty frame)")).withFailMessage("after a "
                        + "request, heartbeat() sent %s on the connection: a heartbeat is an empty frame (a length of 0), "
                        + "which the server echoes", quoted(frames.subList(Math.min(1, frames.size()), frames.size())))
                        .isTrue();
                assertThat(healthy).withFailMessage("heartbeat() on a connection whose server echoed the empty frame "
                        + "%s; it returns true", healthy == null ? "had not returned" : "gave " + healthy).isEqualTo(true);
                assertThat(silent).withFailMessage("heartbeat() when the server had stopped answering %s; it waits "
                        + "at most the read timeout, 600 ms, for the echo, then connects again and returns false. "
                        + "SO_KEEPALIVE alone would notice only after hours", silent == null
                                ? "had not returned " + CALL_WAIT.toSeconds() + " s later" : "gave " + silent)
                        .isEqualTo(false);
                assertThat(server.connection(2, CALL_WAIT)).withFailMessage("heartbeat() returned false but the "
                        + "client did not connect again: when the echo does not come, connect again, as after any "
                        + "failure").isNotNull();
                var after = answers(requestAll(client, requests("after")), "the new connection echoes");
                assertAnswers(after, requests("after"), "on the connection that heartbeat made");
            }
        }
    }
}
