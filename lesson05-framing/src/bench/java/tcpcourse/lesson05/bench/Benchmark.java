package tcpcourse.lesson05.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tcpcourse.lesson05.LengthPrefix;
import tcpcourse.lesson05.Server;

/**
 * Lesson 5's server against three peers speaking the same wire format, in one run: Netty, Node's
 * {@code net} and a textbook thread-per-connection Java server. Each server runs in a process of
 * its own, and the load generator in another; every answer is checked byte for byte. Each row
 * runs three times per server, each run in slices, the servers taking turns slice by slice, and
 * the table shows the medians and whether the lesson's server is at least as fast as the best of
 * the others. Then a second load generator, written apart in Node.js, measures the lesson's server
 * and each row's best peer again, to show that the ratios are not those of one load generator's
 * quirks ({@link CrossCheck}). Then a fresh process of each server holds 10,000 connections open
 * at once, and the table shows the memory it takes. Without Node.js, the Node peer and the
 * cross-check are skipped, and the output says so.
 *
 * <p>{@code ./mvnw -q -pl lesson05-framing -Pbench compile exec:java@bench} runs it in full;
 * {@code -Dexec.args=--quick} runs shorter slices; {@code -Dexec.args=--record} runs it in full
 * and writes the table to {@code src/bench/recorded/bench.txt}, which the lesson's page shows.
 * Without {@code --record}, the run fails (exit status 1) if that table has another format than
 * this benchmark's; {@code --record} fails without Node.js, which the page's table needs.
 */
public final class Benchmark {

    /** A row of the table: frames of {@code size} bytes, {@code window} in flight on each connection. */
    record Row(String label, int size, int connections, int window) {}

    /**
     * How a row is timed: a warm-up per server, then runs made of slices, the servers taking
     * turns slice by slice, so that whatever else the machine does in the meantime falls on all
     * of them alike.
     */
    record Timing(long warmUpMillis, int slicesPerRun, long sliceMillis) {

        double runSeconds() {
            return slicesPerRun * sliceMillis / 1000.0;
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("64 B, one at a time", 64, 1, 1),
            new Row("64 B, 64 in flight", 64, 1, 64),
            new Row("1 KiB, 16 connections, 16 in flight", 1024, 16, 16),
            new Row("1 MiB, 4 in flight", 1 << 20, 1, 4));

    /** The servers, in the table's order, and how each serves the format. */
    static final Map<String, String> HOW = orderedMap(
            "lesson", "lesson05.Server: a thread per connection, a channel, each read sent back in one write once its lengths are checked",
            "Netty", "LengthFieldBasedFrameDecoder, LengthFieldPrepender, a flush per read; NIO, default loops",
            "Node", "net, framing by hand, the answers to a chunk corked into one write; one thread",
            "textbook", "a thread per connection, Data streams over 8 KiB buffers, a flush per frame");

    static final List<String> SERVERS = List.copyOf(HOW.keySet());

    static final int RUNS = 3;
    static final Timing FULL = new Timing(1000, 10, 200);
    static final Timing QUICK = new Timing(300, 4, 100);
    static final int CONNECTIONS = 10_000;
    /** Connections opened at once: fewer than any of the servers' listen backlogs. */
    static final int CONNECTING_AT_ONCE = 50;

    /** Bumped by hand when the table's layout changes in a way the fingerprint below cannot see. */
    private static final int LAYOUT = 6;

    static final Path RECORDED = Path.of("src/bench/recorded/bench.txt");
    static final String RECORD_COMMAND =
            "./mvnw -q -pl lesson05-framing -Pbench compile exec:java@bench -Dexec.args=--record";

    private static final int MAXIMUM = LengthPrefix.DEFAULT_MAXIMUM;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        var options = List.of(args);
        boolean quick = options.contains("--quick");
        boolean record = options.contains("--record");
        String usage = "usage: Benchmark [--quick | --record]: the table by the Java load generator, its ratios"
                + " checked by a Node.js one (src/bench/node/load.js); --quick runs shorter slices, --record writes"
                + " a full run for the page";
        if (options.equals(List.of("--help")) || options.equals(List.of("-h"))) {
            System.out.println(usage);
            System.exit(0);
        }
        if (record && quick || !List.of("--quick", "--record").containsAll(options)) {
            String wrong = options.stream().filter(option -> !List.of("--quick", "--record").contains(option)).findFirst()
                    .map(option -> "unknown argument '" + option + "'; ").orElse("--quick and --record do not go together; ");
            System.err.println(wrong + usage);
            System.exit(1);
        }
        Path module = Path.of(System.getProperty("bench.basedir", "."));
        var node = NodeJs.find();
        if (record && !node.found()) {
            System.err.println("cannot record the table for the lesson's page without Node.js (" + node.missing()
                    + "): it has a Node column and a cross-check by a Node load generator; install Node.js and run "
                    + RECORD_COMMAND + " again");
            System.exit(1);
        }
        var commands = serverCommands(module, node);
        var lines = new ArrayList<String>();
        long began = System.nanoTime();
        String loadBefore = loadAverage();
        try (var load = Peer.start("load generator", java(LoadGenerator.class))) {
            lines.addAll(describe(quick ? QUICK : FULL, node));
            lines.add("");
            var servers = new LinkedHashMap<String, Running>();
            try {
                for (var command : commands.entrySet()) {
                    servers.put(command.getKey(), Running.start(command.getKey(), command.getValue()));
                }
                lines.addAll(checkNettyClient(servers.get("lesson")));
                lines.add("");
                var measured = rows(servers, load, quick ? QUICK : FULL);
                lines.addAll(table(measured));
                lines.add("");
                lines.addAll(CrossCheck.run(module.resolve("src/bench/node/load.js"), node, servers, measured,
                        quick ? CrossCheck.QUICK : CrossCheck.FULL));
            } finally {
                for (var server : servers.values()) {
                    server.peer().close();
                }
            }
            lines.add("");
            lines.addAll(connections(commands, load));
        }
        lines.add("");
        String loadAfter = loadAverage();
        lines.add(String.format(Locale.ROOT, "The benchmark took %.0f s; the machine's load average (1 minute) was %s"
                + " at the start, %s at the end.", (System.nanoTime() - began) / 1e9, loadBefore, loadAfter));
        int cores = Runtime.getRuntime().availableProcessors();
        if (Double.parseDouble(loadBefore) > cores || Double.parseDouble(loadAfter) > cores) {
            System.err.println("the machine was busy with other work (a load average over its " + cores + " cores):"
                    + " close rows may have come out either way; a table for the page wants a quiet machine");
        }
        lines.forEach(System.out::println);
        Files.createDirectories(module.resolve("target/transcripts"));
        Files.write(module.resolve("target/transcripts/bench.txt"), lines, UTF_8);
        System.exit(compareWithRecorded(module.resolve(RECORDED), lines, record));
    }

    /** How to start each server, in a process of its own, listening on 127.0.0.1 and a port the system chooses. */
    private static Map<String, List<String>> serverCommands(Path module, NodeJs node) throws URISyntaxException {
        var commands = new LinkedHashMap<String, List<String>>();
        var lesson = java(Server.class);
        lesson.addAll(List.of("--port=0", "--max-frame=" + MAXIMUM));
        commands.put("lesson", lesson);
        var netty = java(NettyEchoServer.class);
        netty.add(String.valueOf(MAXIMUM));
        commands.put("Netty", netty);
        if (node.found()) {
            commands.put("Node", List.of("node", module.resolve("src/bench/node/echo-server.js").toString(),
                    String.valueOf(MAXIMUM)));
        }
        var textbook = java(TextbookEchoServer.class);
        textbook.add(String.valueOf(MAXIMUM));
        commands.put("textbook", textbook);
        return commands;
    }

    /** Node.js as the benchmark found it: its version, or why there is none ({@code missing}). */
    record NodeJs(String version, String missing) {

        /** Asks {@code node --version}, waiting at most 10 s. */
        static NodeJs find() throws InterruptedException {
            Process node;
            try {
                node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            } catch (IOException notRun) {
                // The JDK says error=2 (ENOENT) when no directory of the PATH has the program.
                return new NodeJs(null, notRun.getMessage().contains("error=2,")
                        ? "no node on the PATH"
                        : "cannot run node: " + notRun.getMessage());
            }
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                return new NodeJs(null, "node --version said nothing for 10 s");
            }
            String answer;
            try (var output = node.getInputStream()) {
                answer = new String(output.readAllBytes(), UTF_8).trim();
            } catch (IOException unreadable) {
                return new NodeJs(null, "node --version: " + unreadable.getMessage());
            }
            return node.exitValue() == 0
                    ? new NodeJs(answer, null)
                    : new NodeJs(null, "node --version failed (exit status " + node.exitValue() + "): " + answer);
        }

        boolean found() {
            return missing == null;
        }
    }

    /** A server's process, and the port it listens on. */
    record Running(Peer peer, int port) {

        static Running start(String name, List<String> command) throws IOException, InterruptedException {
            var peer = Peer.start(name, command);
            try {
                return new Running(peer, peer.awaitPort());
            } catch (IOException | InterruptedException failure) {
                peer.close();
                throw failure;
            }
        }
    }

    /** {@code java -cp (this classpath) main}, with the Java that runs the benchmark. */
    private static List<String> java(Class<?> main) throws URISyntaxException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ArrayList<>(List.of(java, "-cp", classPath(), main.getName()));
    }

    /** The benchmark's classpath: under exec:java, that of the class loader Maven made for it. */
    private static String classPath() throws URISyntaxException {
        if (Benchmark.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            var paths = new ArrayList<String>();
            for (URL url : loader.getURLs()) {
                paths.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }

    private static List<String> describe(Timing timing, NodeJs node) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("an unknown processor");
        String netty = io.netty.util.Version.identify().get("netty-common").artifactVersion();
        var lines = new ArrayList<String>();
        lines.add("Lesson 5's server and three peers on 127.0.0.1, each in a process of its own,"
                + " the load generator in another;");
        lines.add("after the table, a second load generator, written apart in Node.js, checks its ratios.");
        lines.add(String.format(Locale.ROOT, "Measured %s on %s, %d cores, %s %s.", LocalDate.now(ZoneOffset.UTC), cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version")));
        lines.add(String.format(Locale.ROOT, "Java %s, Node %s, Netty %s; benchmark format %s.", Runtime.version(),
                node.found() ? node.version() : "not run (" + node.missing() + ")", netty, fingerprint()));
        lines.add(String.format(Locale.ROOT, "Runs of %.1f s in slices of %.1f s, the servers taking turns;"
                + " before them, %.1f s", timing.runSeconds(), timing.sliceMillis() / 1000.0,
                timing.warmUpMillis() / 1000.0));
        lines.add("of warm-up per row and server, for every row first, then for each row again just before its runs;");
        lines.add("each server's connections stay open from slice to slice within a row.");
        HOW.forEach((name, how) -> lines.add(String.format(Locale.ROOT, "  %-9s %s", name, how)));
        return lines;
    }

    /** A Netty client (LengthFieldPrepender) against the lesson's server: frames of many sizes come back unchanged. */
    private static List<String> checkNettyClient(Running lesson) throws Exception {
        int unchanged = NettyClientCheck.check(new InetSocketAddress("127.0.0.1", lesson.port()), 300);
        if (unchanged != 300) {
            throw new IOException("a Netty client got " + unchanged + " of 300 frames back unchanged from the lesson's"
                    + " server");
        }
        return List.of("A Netty client (LengthFieldPrepender(4)) got 300 frames of 0 to 500 000 bytes back unchanged"
                + " from the lesson's server.");
    }

    /**
     * 10,000 connections open at once to each server in turn, and the memory they take: each
     * server in a fresh process of its own, alone, so that nothing the rows did is counted.
     */
    private static List<String> connections(Map<String, List<String>> commands, Peer load) throws Exception {
        var before = new LinkedHashMap<String, Long>();
        var with = new LinkedHashMap<String, Long>();
        var threads = new LinkedHashMap<String, Long>();
        var seconds = new LinkedHashMap<String, Double>();
        // Every connection from the load generator takes a port of the system's ephemeral range.
        String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim()
                .split("\\s+");
        long ports = Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
        if (ports < CONNECTIONS + 1000) {
            return List.of(String.format(Locale.ROOT, "%,d", CONNECTIONS) + " connections at once: not measured, the ephemeral port range holds only " + ports
                    + " ports (/proc/sys/net/ipv4/ip_local_port_range)");
        }
        long limit = load.openFileLimit();
        for (var command : commands.entrySet()) {
            String name = command.getKey();
            var server = Running.start(name, command.getValue());
            try (var process = server.peer()) {
                limit = Math.min(limit, process.openFileLimit());
                if (limit < CONNECTIONS + 100) {
                    return List.of(String.format(Locale.ROOT, "%,d", CONNECTIONS) + " connections at once: not measured, the open-file limit is only " + limit
                            + " (ulimit -H -n)");
                }
                before.put(name, process.status("VmRSS"));
                System.err.printf(Locale.ROOT, "%s: opening %,d connections%n", name, CONNECTIONS);
                String[] open = load.ask("open " + server.port() + " " + CONNECTIONS + " " + CONNECTING_AT_ONCE, 300)
                        .split(" ");
                with.put(name, process.status("VmRSS"));
                threads.put(name, process.status("Threads"));
                seconds.put(name, Long.parseLong(open[2]) / 1e9);
                load.ask("close", 120);
            }
        }
        var lines = new ArrayList<String>();
        lines.add(String.format(Locale.ROOT, "%,d", CONNECTIONS) + " connections open at once, each having echoed a frame, to a fresh process of each server");
        lines.add(String.format(Locale.ROOT, "(its open-file limit raised to %d):", limit));
        lines.add(heading(""));
        lines.add(columns("resident memory before (MiB)", before, Benchmark::mebibytes));
        lines.add(columns("resident memory with them open (MiB)", with, Benchmark::mebibytes));
        var perConnection = new LinkedHashMap<String, Long>();
        with.forEach((name, kib) -> perConnection.put(name, kib - before.get(name)));
        lines.add(columns("more per connection (KiB)", perConnection,
                kib -> String.format(Locale.ROOT, "%,.1f", kib / (double) CONNECTIONS)));
        lines.add(columns("threads with them open", threads, count -> String.format(Locale.ROOT, "%,d", count)));
        lines.add(columns("time to open them all (s)", seconds, time -> String.format(Locale.ROOT, "%.1f", time)));
        return lines;
    }

    /** How many threads were running or waiting to run, on average over the last minute: others' work too. */
    private static String loadAverage() throws IOException {
        return Files.readAllLines(Path.of("/proc/loadavg")).get(0).split(" ")[0];
    }

    private static String heading(String last) {
        var line = new StringBuilder(String.format(Locale.ROOT, "%-36s", ""));
        SERVERS.forEach(server -> line.append(String.format(Locale.ROOT, " %10s", server)));
        return line.append(last).toString();
    }

    private static String mebibytes(long kibibytes) {
        return String.format(Locale.ROOT, "%,.0f", kibibytes / 1024.0);
    }

    private static <T> String columns(String label, Map<String, T> values, Function<T, String> format) {
        var line = new StringBuilder(String.format(Locale.ROOT, "%-36s", label));
        for (String server : SERVERS) {
            line.append(String.format(Locale.ROOT, " %10s",
                    values.containsKey(server) ? format.apply(values.get(server)) : "not run"));
        }
        return line.toString();
    }

    /**
     * Every row, measured by the Java load generator: {@link #runs} of each, after a warm-up of
     * every server through every row.
     */
    private static List<Measured> rows(Map<String, Running> servers, Peer load, Timing timing) throws Exception {
        // Every server, and the load generator, through every row once before any is measured:
        // the Java ones compile their code as it runs, and the first row should not pay for it.
        for (var row : ROWS) {
            for (var server : servers.values()) {
                slice(load, server, row, timing.warmUpMillis());
            }
        }
        var measured = new ArrayList<Measured>();
        for (var row : ROWS) {
            var runs = runs(List.copyOf(servers.keySet()), timing,
                    (name, millis) -> slice(load, servers.get(name), row, millis));
            runs.forEach((name, perSecond) -> System.err.printf(Locale.ROOT, "%s, %s: %s frames/s%n", row.label(),
                    name, Arrays.toString(perSecond)));
            measured.add(Measured.of(row, runs));
        }
        return measured;
    }

    /** The main table: each row's medians, and how the lesson's server compares with the best peer. */
    private static List<String> table(List<Measured> measured) {
        var lines = new ArrayList<String>();
        lines.add(String.format(Locale.ROOT, "Frames per second, the median of %d runs per server;"
                + " every answer checked byte for byte:", RUNS));
        lines.add(heading("  lesson / best peer"));
        var slower = new ArrayList<String>();
        for (var row : measured) {
            String verdict;
            if (row.ratio() >= 1.0) {
                verdict = "";
            } else {
                slower.add(row.row().label());
                verdict = row.overlap() ? ", BELOW 1 (the runs overlap)" : ", BELOW 1";
            }
            lines.add(columns(row.row().label(), row.medians(), value -> String.format(Locale.ROOT, "%,.0f", value))
                    + String.format(Locale.ROOT, "  %.2f× %s%s", row.ratio(), row.best(), verdict));
        }
        lines.add(slower.isEmpty()
                ? "The lesson's server is at least 1.0 times as fast as the best peer on every row."
                : String.format(Locale.ROOT, "The lesson's server is at least 1.0 times as fast as the best peer on %d"
                        + " of %d rows, not on: %s.", ROWS.size() - slower.size(), ROWS.size(),
                        String.join("; ", slower)));
        return lines;
    }

    /** One slice of a row against one server, by one load generator: frames answered, in how many ns. */
    interface Slice {
        long[] run(String server, long millis) throws Exception;
    }

    /**
     * A row against {@code servers}: a warm-up per server, then {@link #RUNS} runs per server,
     * each made of slices, the servers taking turns slice by slice, the first to go changing from
     * slice to slice.
     *
     * @return each server's frames per second, run by run
     */
    static Map<String, double[]> runs(List<String> servers, Timing timing, Slice slice) throws Exception {
        for (String name : servers) {
            slice.run(name, timing.warmUpMillis());
        }
        var frames = new LinkedHashMap<String, long[]>();
        var nanos = new LinkedHashMap<String, long[]>();
        servers.forEach(name -> frames.put(name, new long[RUNS]));
        servers.forEach(name -> nanos.put(name, new long[RUNS]));
        for (int turns = 0; turns < RUNS * timing.slicesPerRun(); turns++) {
            int run = turns / timing.slicesPerRun();
            for (int turn = 0; turn < servers.size(); turn++) {
                String name = servers.get((turn + turns) % servers.size());
                long[] measured = slice.run(name, timing.sliceMillis());
                frames.get(name)[run] += measured[0];
                nanos.get(name)[run] += measured[1];
            }
        }
        var runs = new LinkedHashMap<String, double[]>();
        for (String name : servers) {
            double[] perSecond = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                perSecond[run] = frames.get(name)[run] / (nanos.get(name)[run] / 1e9);
            }
            runs.put(name, perSecond);
        }
        return runs;
    }

    /**
     * A row as measured: each server's frames per second, run by run, and their medians; the
     * fastest server other than the lesson's, and the lesson's median over that one's.
     */
    record Measured(Row row, Map<String, double[]> runs, Map<String, Double> medians, String best, double ratio) {

        static Measured of(Row row, Map<String, double[]> runs) {
            var medians = new LinkedHashMap<String, Double>();
            runs.forEach((name, perSecond) -> medians.put(name, median(perSecond)));
            String best = medians.keySet().stream().filter(name -> !name.equals("lesson"))
                    .max(Comparator.comparing(medians::get)).orElseThrow();
            return new Measured(row, runs, medians, best, medians.get("lesson") / medians.get(best));
        }

        /** Whether the lesson's runs and the best peer's overlap: neither's slowest beat the other's fastest. */
        boolean overlap() {
            var lesson = Arrays.stream(runs.get("lesson")).summaryStatistics();
            var peer = Arrays.stream(runs.get(best)).summaryStatistics();
            return lesson.getMax() >= peer.getMin() && peer.getMax() >= lesson.getMin();
        }
    }

    /** One slice of a row against one server, as the load generator measured it: frames answered, in how many ns. */
    private static long[] slice(Peer load, Running server, Row row, long millis) throws Exception {
        String[] done = load.ask(String.format(Locale.ROOT, "echo %d %d %d %d %d", server.port(), row.size(),
                row.connections(), row.window(), millis), 60 + millis / 1000).split(" ");
        return new long[] {Long.parseLong(done[1]), Long.parseLong(done[2])};
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * What the recorded table's numbers depend on, as a short hash: the rows, the servers, the
     * runs and their length, the cross-check's runs and processes, the connections. A table
     * recorded by a benchmark with another fingerprint is not this benchmark's table.
     */
    static String fingerprint() throws NoSuchAlgorithmException {
        String definition = String.join("\n", "layout " + LAYOUT, ROWS.toString(), HOW.toString(),
                "runs " + RUNS, FULL.toString(), "cross-check " + CrossCheck.PROCESSES + " " + CrossCheck.FULL + " "
                        + CrossCheck.KEEPS_UP,
                "connections " + CONNECTIONS + " " + CONNECTING_AT_ONCE);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(definition.getBytes(UTF_8));
        return HexFormat.of().formatHex(hash, 0, 6);
    }

    /**
     * With {@code --record}, writes the table for the lesson's page; otherwise checks that the
     * table the page shows was recorded by a benchmark of this one's format.
     *
     * @return the exit status: 0, or 1 when the recorded table has another format
     */
    private static int compareWithRecorded(Path recorded, List<String> lines, boolean record) throws Exception {
        if (record) {
            RecordedTable.write(recorded, lines, RECORD_COMMAND);
            System.err.println("recorded the table for the lesson's page: " + recorded);
            return 0;
        }
        String format = Files.exists(recorded) ? RecordedTable.format(recorded) : "(no recorded table)";
        if (format.equals(fingerprint())) {
            System.err.println("the table on the lesson's page (" + RECORDED + ") has this benchmark's format, "
                    + format);
            return 0;
        }
        String before = Files.exists(recorded) && !RecordedTable.has(recorded, CrossCheck.HEADING)
                ? " (one without the cross-check by the Node load generator)"
                : "";
        System.err.println("the table on the lesson's page (" + RECORDED + ") was recorded by a benchmark of"
                + " format " + format + before + ", not this one's, " + fingerprint() + ": record it again with "
                + RECORD_COMMAND);
        return 1;
    }
}
