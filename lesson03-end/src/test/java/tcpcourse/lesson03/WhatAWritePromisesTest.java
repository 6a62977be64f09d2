package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * The tutorial's NOTE on real loopback connections: a write that returns has only handed its
 * bytes to the system; the peer may never read them, and a reset loses them; a writer whose peer
 * stops reading blocks once the buffers are full. The numbers go to the lesson page.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WhatAWritePromisesTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int SMALL_BUFFER = 16 * 1024;
    private static final int CHUNK = 64 * 1024;

    @Test
    void aWriteReturnsAlthoughThePeerReadsNothing() throws Exception {
        byte[] message = new byte[10_000];
        Loopback.withConnectedPair((client, server) -> {
            client.getOutputStream().write(message); // returns: the system has the bytes

            // The server's program reads nothing; its system holds the bytes, unread.
            await().atMost(BOUND).until(() -> server.getInputStream().available() == message.length);

            var facts = new LinkedHashMap<String, Object>();
            facts.put("returned-write-bytes", String.format("%,d", message.length));
            facts.put("returned-write-waiting", String.format("%,d", server.getInputStream().available()));
            Transcripts.attributes("returned-write.adoc", facts);
        });
    }

    @Test
    void bytesThePeerHasNotReadAreLostWhenItResets() throws Exception {
        byte[] message = new byte[10_000];
        int readBeforeTheReset = 1_000;
        Loopback.withConnectedPair((client, server) -> {
            client.getOutputStream().write(message);
            await().atMost(BOUND).until(() -> server.getInputStream().available() == message.length);

            byte[] read = server.getInputStream().readNBytes(readBeforeTheReset);
            server.setSoLinger(true, 0); // close() now resets: what the program has not read is dropped
            server.close();

            // Every write returned, yet only the bytes read before the reset reached the program.
            assertThat(read).hasSize(readBeforeTheReset);
            var reset = catchThrowableOfType(SocketException.class, () -> client.getInputStream().read());
            assertThat(reset).hasMessageContaining("reset");
            var facts = new LinkedHashMap<String, Object>();
            facts.put("reset-written-bytes", String.format("%,d", message.length));
            facts.put("reset-read-bytes", String.format("%,d", read.length));
            facts.put("reset-lost-bytes", String.format("%,d", message.length - read.length));
            facts.put("reset-read-message", reset.getMessage());
            Transcripts.attributes("reset-loses.adoc", facts);
        });
    }

    @Test
    void aBlockingWriteBlocksOnceThePeerStopsReadingAndGoesOnWhenItReads() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            var written = new AtomicLong();
            var failure = new AtomicReference<IOException>();
            var writer = new Thread(() -> writeForEver(client, written, failure), "writer");
            writer.setDaemon(true);
            writer.start();
            try {
                long blockedAfter = awaitBlockedInAWrite(writer, written);
                int waitingAtThePeer = server.getInputStream().available();

                // The peer reads what the writes handed over: the buffers empty, the blocked write goes on.
                server.getInputStream().readNBytes((int) blockedAfter);
                await().atMost(BOUND).until(() -> written.get() > blockedAfter);

                assertThat(failure.get()).isNull();
                var facts = new LinkedHashMap<String, Object>();
                facts.put("blocked-chunk-bytes", String.format("%,d", CHUNK));
                facts.put("blocked-after-bytes", String.format("%,d", blockedAfter));
                facts.put("blocked-waiting-at-the-peer", String.format("%,d", waitingAtThePeer));
                facts.put("blocked-held-by-the-writer", String.format("%,d", blockedAfter - waitingAtThePeer));
                facts.put("blocked-send-buffer", String.format("%,d", client.getSendBufferSize()));
                facts.put("blocked-receive-buffer", String.format("%,d", server.getReceiveBufferSize()));
                Transcripts.attributes("blocked-write.adoc", facts);
            } finally {
                server.setSoLinger(true, 0);
                server.close(); // the reset ends the blocked write with an exception, and the thread
                writer.join(BOUND.toMillis());
            }
        });
    }

    /** Writes chunk after chunk, counting the bytes of each write that returned, until a write fails. */
    private static void writeForEver(Socket connection, AtomicLong written, AtomicReference<IOException> failure) {
        byte[] chunk = new byte[CHUNK];
        try {
            while (true) {
                connection.getOutputStream().write(chunk);
                written.addAndGet(chunk.length);
            }
        } catch (IOException closedByTheTest) {
            if (!connection.isClosed() && !(closedByTheTest instanceof SocketException)) {
                failure.set(closedByTheTest);
            }
        }
    }

    /**
     * Waits until {@code writer} is inside a socket write and its count of written bytes has not
     * grown for five polls in a row, and returns the count. A count that stops while the thread
     * is not in a write (it has not started yet) does not count as blocked.
     */
    private static long awaitBlockedInAWrite(Thread writer, AtomicLong written) {
        var stalls = new AtomicLong();
        var last = new AtomicLong(-1);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            long now = written.get();
            if (now == last.getAndSet(now) && isInASocketWrite(writer)) {
                return stalls.incrementAndGet() >= 5;
            }
            stalls.set(0);
            return false;
        });
        return written.get();
    }

    private static boolean isInASocketWrite(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("write") && frame.getClassName().contains("Socket")) {
                return true;
            }
        }
        return false;
    }

    /** What the buffers took before a non-blocking write returned 0, with one socket option or none. */
    record Fill(String asked, int sendBuffer, int receiveBuffer, long taken, int waitingAtThePeer) {

        String line() {
            return String.format("%-30s  send buffer %,9d  receive buffer %,9d  taken %,10d  at the peer %,10d  at the writer %,10d",
                    asked, sendBuffer, receiveBuffer, taken, waitingAtThePeer, taken - waitingAtThePeer);
        }
    }

    @Test
    void aNonBlockingWriteTakesWhatFitsThenReturnsZeroAndTheSocketOptionsChangeHowMuch() throws Exception {
        var fills = new ArrayList<Fill>();
        fills.add(fill("defaults", null, null));
        fills.add(fill("SO_SNDBUF 16 KiB", SMALL_BUFFER, null));
        fills.add(fill("SO_RCVBUF 16 KiB", null, SMALL_BUFFER));
        fills.add(fill("SO_SNDBUF and SO_RCVBUF 16 KiB", SMALL_BUFFER, SMALL_BUFFER));

        Fill defaults = fills.get(0);
        Fill small = fills.get(3);
        assertThat(small.taken()).isLessThan(defaults.taken());
        var lines = new ArrayList<String>();
        lines.add("What a non-blocking write had handed to the system when it returned 0 (bytes):");
        fills.forEach(fill -> lines.add(fill.line()));
        Transcripts.write("flow-control.txt", lines);
        var facts = new LinkedHashMap<String, Object>();
        facts.put("fill-default-taken", String.format("%,d", defaults.taken()));
        facts.put("fill-default-send-buffer", String.format("%,d", defaults.sendBuffer()));
        facts.put("fill-default-receive-buffer", String.format("%,d", defaults.receiveBuffer()));
        facts.put("fill-small-asked", String.format("%,d", SMALL_BUFFER));
        facts.put("fill-small-send-buffer", String.format("%,d", small.sendBuffer()));
        facts.put("fill-small-receive-buffer", String.format("%,d", small.receiveBuffer()));
        facts.put("fill-small-taken", String.format("%,d", small.taken()));
        Transcripts.attributes("flow-control.adoc", facts);
    }

    /**
     * Connects a non-blocking writer to a peer that never reads, with SO_SNDBUF on the writer and
     * SO_RCVBUF on the peer's listener (set before the handshake, so the peer's window follows it)
     * where given, and fills the connection until a write returns 0.
     */
    private static Fill fill(String asked, Integer sendBuffer, Integer receiveBuffer) throws Exception {
        try (var listener = ServerSocketChannel.open(); var writer = SocketChannel.open()) {
            if (receiveBuffer != null) {
                listener.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            listener.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
            if (sendBuffer != null) {
                writer.setOption(StandardSocketOptions.SO_SNDBUF, sendBuffer);
            }
            writer.connect(listener.getLocalAddress());
            try (var peer = listener.accept()) {
                writer.configureBlocking(false);

                long taken = Writes.fillUntilFull(writer, ByteBuffer.allocate(CHUNK));

                int atThePeer = peer.socket().getInputStream().available();
                assertThat(taken).isPositive();
                return new Fill(asked, writer.socket().getSendBufferSize(), peer.socket().getReceiveBufferSize(),
                        taken, atThePeer);
            }
        }
    }

    @Test
    void aNonBlockingWriteWritesOnlyPartOfABufferAndTheLoopWritesTheRest() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024]; // more than the buffers hold: writes must be partial
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        try (var background = new Background(); var listener = ServerSocketChannel.open();
                var writer = SocketChannel.open()) {
            listener.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
            writer.connect(listener.getLocalAddress());
            try (var peer = listener.accept()) {
                writer.configureBlocking(false);
                var buffer = ByteBuffer.wrap(data);

                int first = writer.write(buffer);
                assertThat(first).isPositive().isLessThan(data.length); // only part of it
                var reading = background.call(() -> peer.socket().getInputStream().readNBytes(data.length));
                Writes.writeFully(writer, buffer);

                assertThat(buffer.hasRemaining()).isFalse();
                assertThat(reading.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(data);
            }
        }
    }
}
