// RIGHT, another way: each connection is a record of socket and streams, replaced whole; frames read with readInt and readFully; the unanswered requests in a TreeMap; "equal jitter" (half the ceiling, plus a random half) in nanoseconds.
package tcpcourse.lesson05.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** Exercise 5.4. */
public final class ReconnectingClient implements AutoCloseable {

    private static final int MAXIMUM = 1 << 20;

    /** One connection: replaced as a whole when it fails. */
    private record Connection(Socket socket, DataInputStream in, DataOutputStream out) implements AutoCloseable {

        static Connection open(InetSocketAddress server, ClientSettings settings) throws IOException {
            var socket = new Socket();
            try {
                socket.connect(server, timeoutMillis(settings.connectTimeout()));
                socket.setSoTimeout(timeoutMillis(settings.readTimeout()));
                return new Connection(socket, new DataInputStream(new BufferedInputStream(socket.getInputStream())),
                        new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        void write(int id, byte[] body) throws IOException {
            out.writeInt(4 + body.length);
            out.writeInt(id);
            out.write(body);
        }

        void writeEmpty() throws IOException {
            out.writeInt(0);
        }

        byte[] read() throws IOException {
            int length = in.readInt(); // EOFException at the end: we are always waiting for something here
            if (length < 0 || length > MAXIMUM) {
                throw new IOException("frame of " + Integer.toUnsignedString(length) + " bytes is too large");
            }
            byte[] frame = new byte[length];
            in.readFully(frame);
            return frame;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, timeout.toMillis());
    }

    private final InetSocketAddress server;
    private final ClientSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private Connection current;
    private int lastId;
    private int failedInARow;

    private ReconnectingClient(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random, Connection first) {
        this.server = server;
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.current = first;
    }

    public static ReconnectingClient connect(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) throws IOException {
        return new ReconnectingClient(server, settings, sleeper, random, Connection.open(server, settings));
    }

    public List<byte[]> requestAll(List<byte[]> requests) throws IOException, InterruptedException {
        int firstId = lastId + 1;
        SortedMap<Integer, byte[]> waiting = new TreeMap<>();
        for (byte[] request : requests) {
            waiting.put(++lastId, request);
        }
        byte[][] answers = new byte[requests.size()][];
        while (!waiting.isEmpty()) {
            try {
                for (var entry : waiting.entrySet()) {
                    current.write(entry.getKey(), entry.getValue());
                }
                current.out().flush();
                while (!waiting.isEmpty()) {
                    byte[] frame = current.read();
                    if (frame.length < 4) {
                        continue;
                    }
                    int id = ((frame[0] & 0xFF) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8)
                            | (frame[3] & 0xFF);
                    if (waiting.remove(id) != null) {
                        byte[] answer = new byte[frame.length - 4];
                        System.arraycopy(frame, 4, answer, 0, answer.length);
                        answers[id - firstId] = answer;
                        failedInARow = 0;
                    }
                }
            } catch (IOException broken) {
                replaceConnection(broken);
            }
        }
        return new ArrayList<>(List.of(answers));
    }

    public boolean heartbeat() throws IOException, InterruptedException {
        try {
            current.writeEmpty();
            current.out().flush();
            byte[] frame;
            do {
                frame = current.read();
            } while (frame.length > 0);
            failedInARow = 0;
            return true;
        } catch (IOException broken) {
            replaceConnection(broken);
            return false;
        }
    }

    private void replaceConnection(IOException cause) throws IOException, InterruptedException {
        current.close();
        IOException lastFailure = cause;
        while (++failedInARow <= settings.attempts()) {
            sleeper.sleep(nextWait(failedInARow));
            try {
                current = Connection.open(server, settings);
                return;
            } catch (IOException again) {
                lastFailure = again;
            }
        }
        throw lastFailure;
    }

    /** Half the ceiling for sure, and a random part of the other half ("equal jitter"). */
    private Duration nextWait(int failures) {
        long ceiling = settings.firstBackoff().toNanos();
        for (int i = 1; i < failures && ceiling < settings.backoffCap().toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, settings.backoffCap().toNanos());
        long half = ceiling / 2;
        return Duration.ofNanos(half + random.nextLong(ceiling - half + 1));
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
