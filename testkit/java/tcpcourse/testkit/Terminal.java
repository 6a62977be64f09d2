package tcpcourse.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a lesson's programs started as a reader starts it in a terminal of their own: in a JVM
 * of its own, through its {@code main}, with what it prints to standard output and to standard
 * error read back line by line in the order a terminal shows them. The lesson page's "Run it"
 * shows these lines, recorded by a test through {@link Transcripts}.
 *
 * <p>Every wait is bounded; {@link #close()} ends the program if it is still running.
 */
public final class Terminal implements AutoCloseable {

    private static final String END = "\u0000end of output";

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final LinkedBlockingQueue<String> unread = new LinkedBlockingQueue<>();

    private Terminal(Process process) {
        this.process = process;
        var reader = new Thread(this::readOutput, "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code args}, on the class path it was loaded from (the
     * lesson's compiled programs, which need nothing else), with the same host file as the test.
     */
    public static Terminal start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    /**
     * As {@link #start}, with the program allowed at most {@code limit} open files (sockets
     * included), as {@code ulimit -n} sets it: a server that runs out of them. Needs a Unix
     * shell; skip the test elsewhere.
     */
    public static Terminal startWithOpenFileLimit(int limit, Class<?> mainClass, String... args) throws IOException {
        return start(List.of("sh", "-c", "ulimit -n " + limit + " && exec \"$0\" \"$@\""), mainClass, args);
    }

    private static Terminal start(List<String> prefix, Class<?> mainClass, String... args) throws IOException {
        // The lesson's classes, and the course's common ones they use (a module of their own; the
        // fixtures name it only here, by name, since they are compiled without it).
        var classPath = new java.util.LinkedHashSet<String>();
        classPath.add(locationOf(mainClass).toString());
        try {
            var common = Class.forName("tcpcourse.common.Endpoints", false, mainClass.getClassLoader());
            classPath.add(locationOf(common).toString());
        } catch (ClassNotFoundException notUsed) {
            // a program without the common classes needs only its own
        }
        String classes = String.join(java.io.File.pathSeparator, classPath);
        var command = new ArrayList<String>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        String hosts = System.getProperty("jdk.net.hosts.file");
        if (hosts != null) {
            command.add("-Djdk.net.hosts.file=" + hosts);
        }
        command.add("-cp");
        command.add(classes);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        // One stream for both, as a terminal shows them: errors in their place among the progress.
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Terminal(process);
    }

    private static Path locationOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    private void readOutput() {
        try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                unread.add(line);
            }
        } catch (IOException closed) {
            // The process was ended: what it printed until then is all there is.
        } finally {
            unread.add(END);
        }
    }

    /**
     * Types {@code text} into the program's standard input. Its lines join the transcript where a
     * terminal would show them as they are typed: after what the program has printed so far.
     */
    public Terminal type(String text) throws IOException {
        String line;
        while ((line = unread.peek()) != null && !line.equals(END)) {
            lines.add(unread.remove());
        }
        text.lines().forEach(lines::add);
        process.getOutputStream().write(text.getBytes(UTF_8));
        process.getOutputStream().flush();
        return this;
    }

    /** Ends the program's standard input, as Ctrl-D does in a terminal. */
    public Terminal endInput() throws IOException {
        process.getOutputStream().close();
        return this;
    }

    /**
     * Waits until the program prints a line that {@code pattern} finds something in, and returns
     * the match.
     *
     * @throws TimeoutException if no such line comes within {@code bound}, or the program ends first
     */
    public Matcher awaitLine(Pattern pattern, Duration bound) throws InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            String line = left > 0 ? unread.poll(left, TimeUnit.MILLISECONDS) : null;
            if (line == null || line.equals(END)) {
                if (line != null) {
                    unread.add(END);
                }
                throw new TimeoutException("no line matching " + pattern + " within " + bound + "; printed: " + lines);
            }
            lines.add(line);
            var match = pattern.matcher(line);
            if (match.find()) {
                return match;
            }
        }
    }

    /**
     * Waits for the program to end by itself, and returns its exit status.
     *
     * @throws TimeoutException if it is still running after {@code bound}
     */
    public int awaitExit(Duration bound) throws InterruptedException, TimeoutException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("still running after " + bound + "; printed: " + lines());
        }
        awaitEndOfOutput(bound);
        return process.exitValue();
    }

    private void awaitEndOfOutput(Duration bound) throws InterruptedException, TimeoutException {
        while (true) {
            String line = unread.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new TimeoutException("output still open after " + bound);
            }
            if (line.equals(END)) {
                unread.add(END);
                return;
            }
            lines.add(line);
        }
    }

    /** Every line the program has printed and this terminal has read so far, in order. */
    public List<String> lines() {
        var all = new ArrayList<>(lines);
        unread.stream().filter(line -> !line.equals(END)).forEach(all::add);
        return all;
    }

    /**
     * Every line printed so far, with {@code port} written as {@code shownPort}: the recorded run
     * used a port the system chose, the page's command the default one.
     */
    public List<String> linesWithPort(int port, int shownPort) {
        var exactly = Pattern.compile(":" + port + "\\b");
        return lines().stream().map(line -> exactly.matcher(line).replaceAll(":" + shownPort)).toList();
    }

    /** Ends the program if it still runs (Ctrl-C), and waits a bounded time for it to be gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            throw new UncheckedIOException(alreadyClosed);
        }
    }
}
