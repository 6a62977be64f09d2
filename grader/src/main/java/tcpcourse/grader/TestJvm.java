package tcpcourse.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs grading tests in a JVM of its own, in the sandbox, bounded from outside: whatever the
 * exercise does (loop, hang, leave threads or processes behind, call {@code System.exit}, print
 * without end), the JVM ends within its limits and the grader keeps what the runner reported.
 *
 * <p>The runner reports on the results channel (file descriptor 3), which exercise code cannot
 * write; everything the JVM prints goes to a log, cut at {@link #LOG_LIMIT}. Both are read with
 * a cap, so no submission can make the grader run out of memory.
 */
final class TestJvm {

    static final String RUNNER = "tcpcourse.runner.GradingRunner";
    /** The most of a JVM's console output kept in its log. */
    static final int LOG_LIMIT = 1 << 20;
    /** The most the runner may report; it writes a short line per event. */
    static final int RESULTS_LIMIT = 1 << 20;

    /**
     * What the test JVM reported.
     *
     * @param lines the runner's result lines, in order
     * @param running the test ("CLASS\tMETHOD") that had started and not finished when the JVM ended, or null
     * @param killed true if the grader stopped the JVM: a test ran past its bound
     * @param exitCode the JVM's exit status, or -1 if the grader stopped it
     * @param problem what went wrong with the channel itself, or null
     */
    record Outcome(List<String> lines, String running, boolean killed, int exitCode, Duration bound, String problem,
            Duration startup, Duration total) {}

    private TestJvm() {}

    /**
     * Starts {@code command} (from {@link tcpcourse.grader.sandbox.Sandbox#command}) and follows
     * it: each test may run {@code perTest}, and the JVM has {@code start} to report its first
     * event and between tests.
     */
    static Outcome run(List<String> command, Path log, Duration start, Duration perTest)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        long launched = System.nanoTime();
        long firstEvent = 0;
        var process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        var reader = started(() -> readLines(process.getInputStream(), events));
        var logger = started(() -> copyCapped(process.getErrorStream(), log));
        var lines = new ArrayList<String>();
        String running = null;
        boolean killed = false;
        long deadline = System.nanoTime() + start.toNanos();
        Duration bound = start;
        while (true) {
            String line = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                if (System.nanoTime() - deadline >= 0) {
                    killed = true;
                    break;
                }
                continue;
            }
            if (line.equals(END)) {
                break;
            }
            lines.add(line);
            if (firstEvent == 0) {
                firstEvent = System.nanoTime();
            }
            String[] fields = line.split("\t", 4);
            if (fields[0].equals("started") && fields.length >= 3) {
                running = fields[1] + "\t" + fields[2];
                deadline = System.nanoTime() + perTest.toNanos();
                bound = perTest;
            } else if (fields[0].equals("done")) {
                running = null;
                deadline = System.nanoTime() + start.toNanos();
            } else {
                if (running != null && fields.length >= 3 && running.equals(fields[1] + "\t" + fields[2])) {
                    running = null;
                }
                deadline = System.nanoTime() + start.toNanos();
                bound = start;
            }
        }
        if (killed) {
            // Kills the sandbox and, with it, every process inside; an interrupt would not stop a busy loop.
            var inside = process.descendants().toList();
            inside.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            // The kernel ends a PID namespace's processes after its first one: wait until they have.
            for (var left : inside) {
                try {
                    left.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // reported by the process check of the hostile suite, if it ever happens
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        logger.join(TimeUnit.SECONDS.toMillis(30));
        String problem = null;
        if (!events.isEmpty() && events.peek() != END) {
            events.drainTo(lines);
            lines.remove(END);
        }
        if (lines.contains(TOO_MUCH)) {
            lines.remove(TOO_MUCH);
            problem = "the test JVM reported more than " + (RESULTS_LIMIT >> 10) + " KiB of results";
        }
        long ended = System.nanoTime();
        return new Outcome(List.copyOf(lines), lines.contains("done") ? null : running, killed,
                killed ? -1 : process.exitValue(), bound, problem,
                Duration.ofNanos((firstEvent == 0 ? ended : firstEvent) - launched), Duration.ofNanos(ended - launched));
    }

    private static Thread started(Runnable task) {
        var thread = new Thread(task, "test JVM reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static final String END = "\u0000end";
    private static final String TOO_MUCH = "\u0000too much";

    /** Hands each line of the results channel to {@code events}, up to {@link #RESULTS_LIMIT} bytes. */
    private static void readLines(InputStream results, BlockingQueue<String> events) {
        try (results) {
            var line = new java.io.ByteArrayOutputStream();
            long total = 0;
            int next;
            while ((next = results.read()) != -1) {
                if (++total > RESULTS_LIMIT) {
                    events.add(TOO_MUCH);
                    results.transferTo(OutputStream.nullOutputStream());
                    break;
                }
                if (next == '\n') {
                    events.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(next);
                }
            }
            // A last line without its newline was cut off when the JVM ended: it is left out.
        } catch (IOException ended) {
            // the pipe broke when the JVM was killed: what was read stands
        } finally {
            events.add(END);
        }
    }

    /** Copies the JVM's console output to its log, up to {@link #LOG_LIMIT}; the rest is read and dropped. */
    private static void copyCapped(InputStream output, Path log) {
        try (output; var file = Files.newOutputStream(log)) {
            byte[] buffer = new byte[8192];
            long kept = 0;
            int count;
            while ((count = output.read(buffer)) != -1) {
                int keep = (int) Math.max(0, Math.min(count, LOG_LIMIT - kept));
                file.write(buffer, 0, keep);
                kept += keep;
                if (keep < count && kept == LOG_LIMIT) {
                    file.write("\n[the grader cut the log here: more than 1 MiB]\n".getBytes(StandardCharsets.UTF_8));
                    kept++;
                    output.transferTo(OutputStream.nullOutputStream());
                    break;
                }
            }
        } catch (IOException ended) {
            // the pipe broke when the JVM was killed: what was copied stands
        }
    }
}
