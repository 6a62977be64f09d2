// RIGHT, another way: one exchange loop for requestAll and heartbeat alike (a heartbeat is an exchange that waits for the empty frame), each frame written as one byte array, and the wait from Math.pow and nextDouble.
package tcpcourse.lesson05.exercises;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tcpcourse.lesson05.LengthPrefix;

/** Exercise 5.4. */
public final class ReconnectingClient implements AutoCloseable {

    private final InetSocketAddress server;
    private final ClientSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private Socket socket;
    private DataInputStream input;
    private OutputStream output;
    private int counter;
    private int streak;

    private ReconnectingClient(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) {
        this.server = server;
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
    }

    public static ReconnectingClient connect(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) throws IOException {
        var client = new ReconnectingClient(server, settings, sleeper, random);
        client.dial();
        return client;
    }

    private void dial() throws IOException {
        Socket fresh = new Socket();
        try {
            fresh.connect(server, Math.toIntExact(Math.max(1, settings.connectTimeout().toMillis())));
            fresh.setSoTimeout(Math.toIntExact(Math.max(1, settings.readTimeout().toMillis())));
            InputStream in = fresh.getInputStream();
            input = new DataInputStream(new java.io.BufferedInputStream(in));
            output = fresh.getOutputStream();
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        socket = fresh;
    }

    private static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    public List<byte[]> requestAll(List<byte[]> requests) throws IOException, InterruptedException {
        Map<Integer, Integer> positionOf = new HashMap<>();
        Map<Integer, byte[]> frames = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            int id = ++counter;
            positionOf.put(id, i);
            byte[] body = requests.get(i);
            frames.put(id, frame(ByteBuffer.allocate(4 + body.length).putInt(id).put(body).array()));
        }
        byte[][] answers = new byte[requests.size()][];
        exchange(frames, (id, body) -> answers[positionOf.get(id)] = body);
        return Arrays.asList(answers);
    }

    public boolean heartbeat() throws IOException, InterruptedException {
        Map<Integer, byte[]> ping = new HashMap<>();
        ping.put(-1, frame(new byte[0]));
        return exchange(ping, (id, body) -> { });
    }

    private interface Answered {
        void accept(int id, byte[] body);
    }

    /**
     * Sends every frame of {@code pending} and reads until each id has its answer (id -1: the
     * empty frame). Returns true if that took no new connection.
     */
    private boolean exchange(Map<Integer, byte[]> pending, Answered answered) throws IOException, InterruptedException {
        boolean firstTry = true;
        while (true) {
            try {
                for (byte[] frame : pending.values()) {
                    output.write(frame);
                }
                while (!pending.isEmpty()) {
                    byte[] got = LengthPrefix.readFrame(input, LengthPrefix.DEFAULT_MAXIMUM);
                    if (got == null) {
                        throw new EOFException("server closed the connection");
                    }
                    int id = got.length == 0 ? -1 : got.length < 4 ? 0 : ByteBuffer.wrap(got).getInt();
                    if (pending.remove(id) != null) {
                        if (id != -1) {
                            answered.accept(id, Arrays.copyOfRange(got, 4, got.length));
                        }
                        streak = 0;
                    }
                }
                return firstTry;
            } catch (IOException e) {
                socket.close();
                firstTry = false;
                redial(e);
                if (pending.containsKey(-1)) {
                    return false; // a heartbeat that failed: connected again, nothing to resend
                }
            }
        }
    }

    private void redial(IOException cause) throws IOException, InterruptedException {
        while (true) {
            streak++;
            if (streak > settings.attempts()) {
                throw cause;
            }
            double ceiling = Math.min(settings.backoffCap().toMillis(),
                    settings.firstBackoff().toMillis() * Math.pow(2, streak - 1));
            sleeper.sleep(Duration.ofNanos((long) (random.nextDouble() * ceiling * 1_000_000)));
            try {
                dial();
                return;
            } catch (IOException e) {
                cause = e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
