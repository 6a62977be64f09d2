package tcpcourse.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Node.js program run as a real peer of the lesson's Java programs, its output read line by
 * line. Tests that use it are skipped, with the reason, where {@code node} is not installed.
 */
public final class NodeProgram implements AutoCloseable {

    private static final String END_OF_OUTPUT = "\u0000end of output";

    private final Process process;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private NodeProgram(Process process) {
        this.process = process;
        var reader = new Thread(this::readOutput, "node output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code node script args...}, with standard error merged into the output.
     *
     * <p>Skips the calling test if Node.js is not on the PATH.
     */
    public static NodeProgram start(Path script, String... args) throws IOException {
        return startThrough(List.of(), script, args);
    }

    /**
     * Starts {@code launcher... node script args...}: node, run by a command that runs another
     * program, such as {@code ip netns exec NAME}; otherwise as {@link #start}.
     */
    public static NodeProgram startThrough(List<String> launcher, Path script, String... args) throws IOException {
        assumeTrue(nodeIsInstalled(), "node is not on the PATH: skipping the test against a real Node.js peer");
        var command = new ArrayList<>(launcher);
        command.addAll(List.of("node", script.toString()));
        command.addAll(List.of(args));
        return new NodeProgram(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private static boolean nodeIsInstalled() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException notFound) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void readOutput() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            lines.lines().forEach(unread::add);
        } catch (IOException | UncheckedIOException streamClosed) {
            // The process was destroyed: there is no more output to read.
        } finally {
            unread.add(END_OF_OUTPUT);
        }
    }

    /**
     * Waits for the next output line that matches, skipping (but remembering) the others.
     *
     * @throws AssertionError if no such line comes within {@code timeout}, or the output ends first
     */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = nextLine(deadline, timeout);
            if (line.equals(END_OF_OUTPUT)) {
                throw new AssertionError("node ended before printing the expected line; its output: " + seen);
            }
            if (matching.test(line)) {
                return line;
            }
        }
    }

    /** Waits for the program to exit, then returns its whole output. */
    public List<String> awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node did not exit within " + timeout + "; its output so far: " + seen);
        }
        while (!nextLine(deadline, timeout).equals(END_OF_OUTPUT)) {
            // nextLine remembers each line in seen.
        }
        return List.copyOf(seen);
    }

    private String nextLine(long deadline, Duration timeout) throws InterruptedException {
        String line = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new AssertionError("node printed no expected line within " + timeout + "; its output so far: " + seen);
        }
        if (!line.equals(END_OF_OUTPUT)) {
            seen.add(line);
        }
        return line;
    }

    /** The exit status; only after {@link #awaitExit}. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Ends the program if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
