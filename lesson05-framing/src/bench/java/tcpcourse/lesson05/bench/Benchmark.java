package tcpcourse.lesson05.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.lesson05.Server;

/**
 * Drives the lesson's server and a Netty server with the same load, in one run, and prints
 * frames per second and the 99th percentile round trip for each. Every echoed frame is checked
 * byte for byte. Each row runs twice per server, alternating, and the better run is shown.
 *
 * <p>{@code ./mvnw -q -pl lesson05-framing -Pbench compile exec:java@bench}
 */
public final class Benchmark {

    private static final int MAXIMUM = LengthPrefix.DEFAULT_MAXIMUM;

    private Benchmark() {}

    /** What one run measured. */
    record Result(long frames, double seconds, long[] roundTripsNanos) {

        double framesPerSecond() {
            return frames / seconds;
        }

        double p99Micros() {
            long[] sorted = roundTripsNanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
        }
    }

    /** One row of the table: a load, run against a server's address. */
    @FunctionalInterface
    interface Load {
        Result run(InetSocketAddress server, double scale) throws Exception;
    }

    /** A few different payloads of one size, to send in turn and to check the echoes against. */
    private static byte[][] payloads(int size) {
        var random = new Random(size);
        byte[][] payloads = new byte[8][size];
        for (byte[] payload : payloads) {
            random.nextBytes(payload);
        }
        return payloads;
    }

    private static void check(byte[] answer, byte[] sent, long number) throws IOException {
        if (!Arrays.equals(answer, sent)) {
            throw new IOException("frame " + number + " came back different");
        }
    }

    /** {@code connections} clients, each sending a frame and waiting for its echo, {@code framesEach} times. */
    static Result oneAtATime(InetSocketAddress server, int size, int connections, int framesEach) throws Exception {
        byte[][] payloads = payloads(size);
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try {
            var results = new ArrayList<Future<long[]>>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                results.add(clients.submit((Callable<long[]>) () -> {
                    long[] roundTrips = new long[framesEach];
                    try (var socket = new Socket(server.getAddress(), server.getPort())) {
                        socket.setTcpNoDelay(true);
                        var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
                        var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
                        for (int i = 0; i < framesEach; i++) {
                            byte[] sent = payloads[i % payloads.length];
                            long before = System.nanoTime();
                            LengthPrefix.writeFrame(out, sent);
                            out.flush();
                            check(LengthPrefix.readFrame(in, MAXIMUM), sent, i);
                            roundTrips[i] = System.nanoTime() - before;
                        }
                    }
                    return roundTrips;
                }));
            }
            var all = new ArrayList<long[]>();
            for (var result : results) {
                all.add(result.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result((long) connections * framesEach, seconds,
                    all.stream().flatMapToLong(Arrays::stream).toArray());
        } finally {
            clients.shutdownNow();
        }
    }

    /** One client that keeps up to {@code window} frames in flight; round trip = answer time - send time. */
    static Result pipelined(InetSocketAddress server, int size, int frames, int window) throws Exception {
        byte[][] payloads = payloads(size);
        long[] sentAt = new long[frames];
        long[] roundTrips = new long[frames];
        var inFlight = new Semaphore(window);
        try (var socket = new Socket(server.getAddress(), server.getPort())) {
            socket.setTcpNoDelay(true);
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                long start = System.nanoTime();
                Future<?> writing = writer.submit((Callable<Void>) () -> {
                    for (int i = 0; i < frames; i++) {
                        if (!inFlight.tryAcquire()) {
                            out.flush(); // the window is full: send what is buffered, then wait
                            inFlight.acquire();
                        }
                        sentAt[i] = System.nanoTime();
                        LengthPrefix.writeFrame(out, payloads[i % payloads.length]);
                    }
                    out.flush();
                    return null;
                });
                for (int i = 0; i < frames; i++) {
                    check(LengthPrefix.readFrame(in, MAXIMUM), payloads[i % payloads.length], i);
                    roundTrips[i] = System.nanoTime() - sentAt[i];
                    inFlight.release();
                }
                writing.get();
                return new Result(frames, (System.nanoTime() - start) / 1e9, roundTrips);
            } finally {
                writer.shutdownNow();
            }
        }
    }

    private record Row(String name, Load load) {}

    public static void main(String[] args) throws Exception {
        // The benchmark has no options: --help says so and exits 0, anything else is a mistake.
        if (args.length > 0) {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            (help ? System.out : System.err).println((help ? "" : "unknown argument '" + args[0] + "'; ")
                    + "usage: Benchmark (no options: it runs every load against both servers on loopback)");
            System.exit(help ? 0 : 1);
        }
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var rows = List.of(
                new Row("32 B frames, one at a time, 1 connection",
                        (server, scale) -> oneAtATime(server, 32, 1, (int) (20_000 * scale))),
                new Row("32 B frames, pipelined (256 in flight), 1 connection",
                        (server, scale) -> pipelined(server, 32, (int) (400_000 * scale), 256)),
                new Row("1 KiB frames, one at a time, 16 connections",
                        (server, scale) -> oneAtATime(server, 1024, 16, (int) (3_000 * scale))),
                new Row("1 MiB frames, one at a time, 1 connection",
                        (server, scale) -> oneAtATime(server, 1 << 20, 1, (int) (60 * scale))));
        System.out.printf(Locale.ROOT, "Java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (var lesson = Server.listen("127.0.0.1", 0, MAXIMUM, quiet); var netty = new NettyEchoServer(MAXIMUM)) {
            var serving = new Thread(() -> {
                try {
                    lesson.serve();
                } catch (IOException failure) {
                    failure.printStackTrace();
                }
            }, "lesson server");
            serving.setDaemon(true);
            serving.start();

            int unchanged = NettyClientCheck.check(lesson.localAddress(), 300);
            System.out.println("checking peers: a Netty client (LengthFieldPrepender(4)) against the lesson's server: "
                    + unchanged + " of 300 frames back unchanged");
            if (unchanged != 300) {
                throw new IOException("the Netty client did not get every frame back unchanged");
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-54s %13s %11s %13s %11s %7s%n", "", "lesson fr/s", "lesson p99",
                    "Netty fr/s", "Netty p99", "ratio");
            for (var row : rows) {
                row.load().run(lesson.localAddress(), 0.2); // warm-up
                row.load().run(netty.address(), 0.2);
                Result bestLesson = null;
                Result bestNetty = null;
                for (int round = 0; round < 2; round++) {
                    bestLesson = better(bestLesson, row.load().run(lesson.localAddress(), 1));
                    bestNetty = better(bestNetty, row.load().run(netty.address(), 1));
                }
                System.out.printf(Locale.ROOT, "%-54s %13.0f %9.0f µs %13.0f %9.0f µs %6.2fx%n", row.name(),
                        bestLesson.framesPerSecond(), bestLesson.p99Micros(),
                        bestNetty.framesPerSecond(), bestNetty.p99Micros(),
                        bestLesson.framesPerSecond() / bestNetty.framesPerSecond());
            }
            System.out.println();
            memoryWithAThousandConnections(lesson);
        }
    }

    private static Result better(Result best, Result candidate) {
        return best == null || candidate.framesPerSecond() > best.framesPerSecond() ? candidate : best;
    }

    /** Opens 1000 connections to the lesson's server, each echoing a frame, and says what it costs. */
    private static void memoryWithAThousandConnections(Server lesson) throws Exception {
        System.gc();
        long heapBefore = usedHeap();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        var clients = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 1000; i++) {
                var client = new Socket(lesson.localAddress().getAddress(), lesson.localAddress().getPort());
                clients.add(client);
                LengthPrefix.writeFrame(new DataOutputStream(client.getOutputStream()), new byte[] {(byte) i});
            }
            int echoed = 0;
            for (int i = 0; i < clients.size(); i++) {
                byte[] answer = LengthPrefix.readFrame(new DataInputStream(clients.get(i).getInputStream()), 10);
                echoed += answer != null && answer.length == 1 && answer[0] == (byte) i ? 1 : 0;
            }
            System.gc();
            System.out.printf(Locale.ROOT,
                    "1000 connections open at once: %d echoed, %d open on the server; %+d threads (256 KiB of stack"
                            + " reserved each), heap used %+.1f MiB after GC (the 1000 client sockets included)%n",
                    echoed, lesson.openConnections(), ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore,
                    (usedHeap() - heapBefore) / 1048576.0);
        } finally {
            for (var client : clients) {
                client.close();
            }
        }
    }

    private static long usedHeap() {
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return memory.getUsed();
    }
}
