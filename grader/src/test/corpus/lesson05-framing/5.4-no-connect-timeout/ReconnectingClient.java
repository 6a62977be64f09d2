// WRONG: connect has no timeout, so an attempt to a server that does not answer the handshake waits as long as the system keeps resending its SYN, minutes.
package tcpcourse.lesson05.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tcpcourse.lesson05.LengthPrefix;

/** Exercise 5.4. */
public final class ReconnectingClient implements AutoCloseable {

    /** A request frame starts with its id: 4 bytes, big-endian. */
    private static final int ID_BYTES = 4;

    private static final byte[] HEARTBEAT = new byte[0];

    private final InetSocketAddress server;
    private final ClientSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private Socket connection;
    private DataInputStream fromServer;
    private DataOutputStream toServer;
    private int nextId = 1;
    /** Failures since the last answer: how long the next wait may be, and when to give up. */
    private int failuresInARow;

    private ReconnectingClient(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) {
        this.server = server;
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * Connects to {@code server}, once, within {@code settings.connectTimeout()}.
     *
     * @param sleeper waits between attempts to connect again
     * @param random where the jitter of each wait comes from
     * @throws IOException if that first attempt fails: there is no work to save yet
     */
    public static ReconnectingClient connect(InetSocketAddress server, ClientSettings settings, Sleeper sleeper,
            RandomGenerator random) throws IOException {
        var client = new ReconnectingClient(server, settings, sleeper, random);
        client.open();
        return client;
    }

    private void open() throws IOException {
        var attempt = new Socket();
        try {
            attempt.connect(server);
            // Every read from now on gives up after readTimeout: a silent server cannot hang us.
            attempt.setSoTimeout((int) Math.max(1, settings.readTimeout().toMillis()));
            fromServer = new DataInputStream(new BufferedInputStream(attempt.getInputStream()));
            toServer = new DataOutputStream(new BufferedOutputStream(attempt.getOutputStream()));
        } catch (IOException failed) {
            attempt.close();
            throw failed;
        }
        connection = attempt;
    }

    /**
     * Sends every request, each as one frame with an id of its own, and returns their answers in
     * the order of the requests, without their ids, however the server ordered them. Blocks until
     * every request has an answer, connecting again as often as it takes. An empty frame, or an
     * answer whose id is not one of this call's unanswered requests, is skipped.
     *
     * @throws IOException the last failure, when {@code settings.attempts()} attempts in a row to
     *     connect again have brought no answer
     */
    public List<byte[]> requestAll(List<byte[]> requests) throws IOException, InterruptedException {
        var ids = new int[requests.size()];
        Map<Integer, byte[]> unanswered = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            ids[i] = nextId++;
            unanswered.put(ids[i], requests.get(i));
        }
        Map<Integer, byte[]> answers = new HashMap<>();
        while (!unanswered.isEmpty()) {
            try {
                for (var request : unanswered.entrySet()) {
                    send(request.getKey(), request.getValue());
                }
                toServer.flush();
                while (!unanswered.isEmpty()) {
                    byte[] frame = readFrame();
                    if (frame.length < ID_BYTES) {
                        continue; // the echo of a heartbeat
                    }
                    int id = ByteBuffer.wrap(frame).getInt();
                    if (unanswered.remove(id) != null) {
                        answers.put(id, Arrays.copyOfRange(frame, ID_BYTES, frame.length));
                        failuresInARow = 0;
                    }
                }
            } catch (IOException failed) {
                reconnectAfter(failed);
            }
        }
        var inOrder = new ArrayList<byte[]>();
        for (int id : ids) {
            inOrder.add(answers.get(id));
        }
        return inOrder;
    }

    private void send(int id, byte[] request) throws IOException {
        byte[] frame = ByteBuffer.allocate(ID_BYTES + request.length).putInt(id).put(request).array();
        LengthPrefix.writeFrame(toServer, frame);
    }

    /** The next frame; an end is a failure here, since the client is always waiting for something. */
    private byte[] readFrame() throws IOException {
        byte[] frame = LengthPrefix.readFrame(fromServer, LengthPrefix.DEFAULT_MAXIMUM);
        if (frame == null) {
            throw new EOFException("the server ended the connection while answers were due");
        }
        return frame;
    }

    /**
     * Checks that the connection is alive: sends an empty frame and waits at most
     * {@code settings.readTimeout()} for an empty frame back, skipping any other frame. Call it
     * when the connection has been idle for a while.
     *
     * @return true if the empty frame came back; false if it did not, or the connection failed,
     *     and the client has connected again, as {@code requestAll} does
     * @throws IOException the last failure, when connecting again gave up
     */
    public boolean heartbeat() throws IOException, InterruptedException {
        try {
            LengthPrefix.writeFrame(toServer, HEARTBEAT);
            toServer.flush();
            while (readFrame().length != 0) {
                // a late answer to an earlier request: not the heartbeat's echo
            }
            failuresInARow = 0;
            return true;
        } catch (IOException deadPeer) {
            reconnectAfter(deadPeer);
            return false;
        }
    }

    private void reconnectAfter(IOException failure) throws IOException, InterruptedException {
        connection.close(); // the old connection is done with: free it, and tell the server
        IOException last = failure;
        while (true) {
            failuresInARow++;
            if (failuresInARow > settings.attempts()) {
                throw last;
            }
            sleeper.sleep(backoff(failuresInARow));
            try {
                open();
                return;
            } catch (IOException refusedOrTimedOut) {
                last = refusedOrTimedOut;
            }
        }
    }

    /** The wait after {@code failures} failures in a row: full jitter under a doubling, capped ceiling. */
    private Duration backoff(int failures) {
        long first = settings.firstBackoff().toMillis();
        // first, 2 x first, 4 x first, ... but never more than the cap: shift, with no overflow.
        long ceiling = Math.min(settings.backoffCap().toMillis(), first << Math.min(failures - 1, 30));
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** Closes the connection. */
    @Override
    public void close() throws IOException {
        connection.close();
    }
}
