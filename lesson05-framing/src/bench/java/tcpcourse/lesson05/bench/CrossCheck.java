package tcpcourse.lesson05.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tcpcourse.lesson05.bench.Benchmark.Measured;
import tcpcourse.lesson05.bench.Benchmark.NodeJs;
import tcpcourse.lesson05.bench.Benchmark.Row;
import tcpcourse.lesson05.bench.Benchmark.Running;
import tcpcourse.lesson05.bench.Benchmark.Timing;

/**
 * The table's ratios checked by a second load generator, {@code src/bench/node/load.js}: code
 * written apart from {@link LoadGenerator}, in Node.js, that speaks its {@code echo} command and
 * checks the answers its own way. Row by row, the lesson's server and that row's best peer in the
 * table are measured again, as the table measures them but in shorter runs; then it says whether
 * the lesson's server is ahead or behind on the same rows, and on which rows the Node generator
 * drove the faster server at a lower rate than the Java one, so that it may itself have set the pace.
 */
final class CrossCheck {

    /**
     * Node load generators for a row whose connections they can share evenly: one process, one
     * thread, keeps fewer of 16 connections' frames in flight than two processes do.
     */
    static final int PROCESSES = 2;

    static final Timing FULL = new Timing(500, 5, 200);
    static final Timing QUICK = new Timing(200, 4, 100);

    /** Under this share of the Java generator's rate on a row's faster server, the Node one may set the pace. */
    static final double KEEPS_UP = 0.9;

    static final String HEADING = "Checked by a second load generator";

    private static final int WIDTH = 110;

    private CrossCheck() {}

    /**
     * Measures each row of {@code table} again with the Node load generator, or says why it cannot.
     *
     * @param servers the servers of the table, still running
     * @return the section's lines
     */
    static List<String> run(Path script, NodeJs node, Map<String, Running> servers, List<Measured> table,
            Timing timing) throws Exception {
        if (!node.found()) {
            return List.of(HEADING + ", in Node.js: skipped, " + node.missing() + ".");
        }
        var lines = new ArrayList<String>();
        lines.addAll(describe(timing));
        lines.add(String.format(Locale.ROOT, "%-36s %10s %10s  %-18s  %-12s  %s", "", "lesson", "best peer",
                "lesson / best peer", "in the table", "Node / Java generator"));
        var disagree = new ArrayList<String>();
        var slower = new ArrayList<String>();
        long began = System.nanoTime();
        try (var generators = Generators.start(script)) {
            for (var inTable : table) {
                var row = inTable.row();
                var runs = Benchmark.runs(List.of("lesson", inTable.best()), timing,
                        (name, millis) -> generators.slice(servers.get(name), row, millis));
                runs.forEach((name, perSecond) -> System.err.printf(Locale.ROOT, "%s, %s, Node load generator:"
                        + " %s frames/s%n", row.label(), name, Arrays.toString(perSecond)));
                var checked = Measured.of(row, runs);
                double lessonShare = checked.medians().get("lesson") / inTable.medians().get("lesson");
                double peerShare = checked.medians().get(checked.best()) / inTable.medians().get(checked.best());
                lines.add(String.format(Locale.ROOT, "%-36s %10s %10s  %-18s  %-12s  %.2f  %.2f", row.label(),
                        perSecond(checked.medians().get("lesson")), perSecond(checked.medians().get(checked.best())),
                        String.format(Locale.ROOT, "%.2f× %s", checked.ratio(), checked.best()),
                        String.format(Locale.ROOT, "%.2f×", inTable.ratio()), lessonShare, peerShare));
                if ((checked.ratio() >= 1.0) != (inTable.ratio() >= 1.0)) {
                    String overlap = inTable.overlap() && checked.overlap() ? "; the runs overlap in both"
                            : inTable.overlap() ? "; the runs overlap in the table"
                            : checked.overlap() ? "; the runs overlap here"
                            : "";
                    disagree.add(String.format(Locale.ROOT, "%s (%.2f× in the table, %.2f× here%s)", row.label(),
                            inTable.ratio(), checked.ratio(), overlap));
                }
                double fasterShare = inTable.ratio() >= 1.0 ? lessonShare : peerShare;
                // Compared as printed, to two decimals, so that the line agrees with the column.
                if (Math.round(fasterShare * 100) < Math.round(KEEPS_UP * 100)) {
                    slower.add(String.format(Locale.ROOT, "%s (%.2f)", row.label(), fasterShare));
                }
            }
        }
        System.err.printf(Locale.ROOT, "the cross-check by the Node load generator took %.0f s%n",
                (System.nanoTime() - began) / 1e9);
        lines.add(agreement(table, disagree));
        lines.add(slower.isEmpty()
                ? String.format(Locale.ROOT, "The Node generator kept up with the Java one: on every row it drove"
                        + " the faster server at %.1f times the Java generator's rate or more.", KEEPS_UP)
                : String.format(Locale.ROOT, "The Node generator drove the faster server at under %.1f times the Java"
                        + " generator's rate on: %s; there it may set the pace, which pulls the ratio toward 1.",
                        KEEPS_UP, String.join("; ", slower)));
        return lines;
    }

    private static List<String> describe(Timing timing) {
        var shared = Benchmark.ROWS.stream().filter(row -> shares(row) > 1)
                .map(row -> String.format(Locale.ROOT, "; %d processes share \"%s\", %d connections each", shares(row),
                        row.label(), row.connections() / shares(row)))
                .collect(Collectors.joining());
        return wrap(String.format(Locale.ROOT, "%s, written apart in Node.js (src/bench/node/load.js): the lesson's"
                + " server and each row's best peer above, the median of %d runs of %.1f s per server, in slices of"
                + " %.1f s, taking turns, after %.1f s of warm-up per row and server; every answer checked byte for"
                + " byte. One Node process drives a row%s. The last column: each server's frames per second here"
                + " over those in the table, the lesson's, then the peer's.", HEADING, Benchmark.RUNS,
                timing.runSeconds(), timing.sliceMillis() / 1000.0, timing.warmUpMillis() / 1000.0, shared));
    }

    /** {@code text} in lines of at most {@link #WIDTH} characters, broken between words. */
    private static List<String> wrap(String text) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Whether the lesson's server is ahead (at least 1.0 times as fast) on the same rows with either generator. */
    private static String agreement(List<Measured> table, List<String> disagree) {
        if (!disagree.isEmpty()) {
            return String.format(Locale.ROOT, "The ratios disagree with the table's on %d of %d rows: %s.",
                    disagree.size(), table.size(), String.join("; ", disagree));
        }
        var behind = table.stream().filter(row -> row.ratio() < 1.0).map(row -> row.row().label()).toList();
        return behind.isEmpty()
                ? "The ratios agree with the table's: with either load generator, the lesson's server is ahead of"
                        + " the best peer on every row."
                : String.format(Locale.ROOT, "The ratios agree with the table's: with either load generator, the"
                        + " lesson's server is behind the best peer on the same rows: %s.", String.join("; ", behind));
    }

    /** How many Node processes share a row's connections: all of them if they can share evenly, else one. */
    private static int shares(Row row) {
        return row.connections() % PROCESSES == 0 ? PROCESSES : 1;
    }

    private static String perSecond(double frames) {
        return String.format(Locale.ROOT, "%,.0f", frames);
    }

    /** The Node load generators, each a process of its own, with its connections to each server. */
    private record Generators(List<Peer> processes) implements AutoCloseable {

        static Generators start(Path script) throws IOException {
            var generators = new Generators(new ArrayList<>());
            try {
                for (int i = 1; i <= PROCESSES; i++) {
                    generators.processes().add(Peer.start("Node load generator " + i,
                            List.of("node", script.toString())));
                }
            } catch (IOException failure) {
                generators.close();
                throw failure;
            }
            return generators;
        }

        /**
         * One slice of a row against one server, its connections shared among the processes:
         * all frames answered, over the longest time any process took.
         */
        long[] slice(Running server, Row row, long millis) throws IOException, InterruptedException {
            int sharing = shares(row);
            String command = String.format(Locale.ROOT, "echo %d %d %d %d %d", server.port(), row.size(),
                    row.connections() / sharing, row.window(), millis);
            // Told all at once, the processes run the slice side by side.
            for (var process : processes.subList(0, sharing)) {
                process.tell(command);
            }
            long frames = 0;
            long nanos = 0;
            for (var process : processes.subList(0, sharing)) {
                String[] done = process.answer(command, 60 + millis / 1000).split(" ");
                frames += Long.parseLong(done[1]);
                nanos = Math.max(nanos, Long.parseLong(done[2]));
            }
            return new long[] {frames, nanos};
        }

        @Override
        public void close() {
            processes.forEach(Peer::close);
        }
    }
}
