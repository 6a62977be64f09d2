package tcpcourse.lesson05.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.testkit.Loopback;

/**
 * A server of the lesson's wire format that treats each connection as the test's script says:
 * the first connection one way, the second another, and so on; the last script serves every
 * connection after it. Lesson 4's misbehaving servers, one connection at a time: one that resets,
 * one that goes silent, one that sends half a frame, each then followed by one that answers.
 *
 * <p>Each connection runs on a thread of its own and records every frame it gets, before it
 * answers it: once a client has an answer, the test can see the request that it answered.
 */
final class ScriptedServer implements AutoCloseable {

    /** How long a server-side read waits before the script gives up on the client. */
    private static final Duration SERVER_READ_WAIT = Duration.ofSeconds(10);

    /** What one connection does. */
    @FunctionalInterface
    interface Script {
        void run(Link link) throws IOException;
    }

    /** A frame as the client sent it: its id (-1 for a frame too short to have one) and its bytes. */
    record Frame(int id, byte[] payload, byte[] whole) {

        static Frame of(byte[] whole) {
            if (whole.length < 4) {
                return new Frame(-1, whole, whole);
            }
            return new Frame(ByteBuffer.wrap(whole).getInt(), Arrays.copyOfRange(whole, 4, whole.length), whole);
        }

        boolean heartbeat() {
            return whole.length == 0;
        }

        String text() {
            return new String(payload, UTF_8);
        }
    }

    /** One accepted connection, as a script drives it. */
    static final class Link {
        private final ScriptedServer server;
        private final Socket socket;
        private final DataInputStream fromClient;
        private final DataOutputStream toClient;
        private final List<Frame> received = new ArrayList<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        private Link(ScriptedServer server, Socket socket) throws IOException {
            this.server = server;
            this.socket = socket;
            socket.setSoTimeout((int) SERVER_READ_WAIT.toMillis());
            socket.setTcpNoDelay(true);
            this.fromClient = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            this.toClient = new DataOutputStream(socket.getOutputStream());
        }

        /** The next frame, recorded; null once the client has ended the connection. */
        Frame readFrame() throws IOException {
            byte[] whole;
            try {
                whole = LengthPrefix.readFrame(fromClient, LengthPrefix.DEFAULT_MAXIMUM);
            } catch (IOException endedOrBroken) {
                ended.complete(null);
                throw endedOrBroken;
            }
            if (whole == null) {
                ended.complete(null);
                return null;
            }
            var frame = Frame.of(whole);
            synchronized (received) {
                received.add(frame);
            }
            return frame;
        }

        /** The next {@code count} frames, or fewer if the client ends first. */
        List<Frame> read(int count) throws IOException {
            var frames = new ArrayList<Frame>();
            Frame frame;
            while (frames.size() < count && (frame = readFrame()) != null) {
                frames.add(frame);
            }
            return frames;
        }

        /** Sends {@code frame} back, as the lesson's server does. */
        void echo(Frame frame) throws IOException {
            LengthPrefix.writeFrame(toClient, frame.whole());
            toClient.flush();
        }

        /** Sends raw bytes: half a frame, say. */
        void sendRaw(byte[] bytes) throws IOException {
            toClient.write(bytes);
            toClient.flush();
        }

        /** Echoes every frame until the client ends the connection. */
        void echoAll() throws IOException {
            Frame frame;
            while ((frame = readFrame()) != null) {
                echo(frame);
            }
        }

        /** Reads and records every frame, answering none, until the client ends the connection. */
        void swallowAll() throws IOException {
            while (readFrame() != null) {
                // silent: a server that has stopped answering, or a peer that is gone
            }
        }

        /** Ends the server's direction (FIN), then waits for the client to end its own. */
        void endThenAwaitTheClientsEnd() throws IOException {
            socket.shutdownOutput();
            swallowAll();
        }

        /** Resets the connection: the client's next read or write fails with "connection reset". */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** The server this connection came to. */
        ScriptedServer server() {
            return server;
        }

        /** What the client sent on this connection so far. */
        List<Frame> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        /** The payloads received, as text, heartbeats as "(empty frame)". */
        List<String> receivedTexts() {
            return received().stream().map(frame -> frame.heartbeat() ? "(empty frame)" : frame.text()).toList();
        }

        /** Whether the client ended (or reset) the connection within {@code bound}. */
        boolean awaitClientsEnd(Duration bound) throws InterruptedException {
            try {
                ended.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException stillOpen) {
                return false;
            } catch (java.util.concurrent.ExecutionException impossible) {
                return true;
            }
        }
    }

    private final ServerSocket listener;
    private final List<Script> scripts;
    private final int acceptLimit;
    private final List<Link> links = new ArrayList<>();
    private final List<Socket> fillers = new ArrayList<>();

    private ScriptedServer(ServerSocket listener, List<Script> scripts, int acceptLimit) {
        this.listener = listener;
        this.scripts = scripts;
        this.acceptLimit = acceptLimit;
    }

    /** Listens on loopback; connection n follows {@code scripts[n]}, or the last one. */
    static ScriptedServer start(Script... scripts) throws IOException {
        return start(Integer.MAX_VALUE, scripts);
    }

    /**
     * Listens on loopback with a queue of one handshake, accepts at most {@code acceptLimit}
     * connections and then never accepts again, with the listener still open.
     */
    static ScriptedServer start(int acceptLimit, Script... scripts) throws IOException {
        // A queue of one handshake when the accept limit will leave it full; the usual one otherwise.
        int backlog = acceptLimit == Integer.MAX_VALUE ? 50 : 1;
        var server = new ScriptedServer(new ServerSocket(0, backlog, Loopback.ADDRESS), List.of(scripts), acceptLimit);
        Bounded.start("scripted server", () -> {
            server.acceptLoop();
            return null;
        });
        return server;
    }

    private void acceptLoop() {
        for (int n = 0; n < acceptLimit; n++) {
            Link link;
            try {
                link = new Link(this, listener.accept());
            } catch (IOException closed) {
                return;
            }
            synchronized (links) {
                links.add(link); // in the order of accepting: connection n is links[n - 1]
                links.notifyAll();
            }
            Script script = scripts.get(Math.min(n, scripts.size() - 1));
            Bounded.start("connection " + (n + 1), () -> {
                try (link.socket) {
                    script.run(link);
                } catch (IOException clientGone) {
                    // the client reset or ended the connection: the test looks at what was recorded
                }
                return null;
            });
        }
    }

    /** Where to connect. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** How many connections have been accepted. */
    int connections() {
        synchronized (links) {
            return links.size();
        }
    }

    /** The {@code n}-th connection (1, 2, ...), waiting for it at most {@code bound}; null if it never came. */
    Link connection(int n, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (links) {
            while (links.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(links, left);
            }
            return links.get(n - 1);
        }
    }

    /**
     * Fills the listener's queue of finished handshakes, so the system drops each further SYN: a
     * connection attempt then waits, as for a host that does not answer, until its own timeout.
     * Only with an accept limit reached, so that nothing takes a handshake out of the queue.
     */
    void fillQueue() throws IOException {
        for (int attempt = 0; attempt < 64; attempt++) {
            var filler = new Socket();
            try {
                filler.connect(address(), 250);
                synchronized (fillers) {
                    fillers.add(filler);
                }
            } catch (SocketTimeoutException queueIsFull) {
                filler.close(); // closed, so its SYN is never sent again
                return;
            }
        }
        throw new IllegalStateException("the accept queue of " + address() + " never filled up");
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (fillers) {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
        synchronized (links) {
            for (Link link : links) {
                link.socket.close();
            }
        }
    }
}
