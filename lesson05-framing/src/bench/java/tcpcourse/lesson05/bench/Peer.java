package tcpcourse.lesson05.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A program the benchmark runs in a process of its own (a server, or a load generator), with
 * the open-file limit raised as far as the system lets it go, as a server for 10,000 connections
 * needs: {@code sh -c 'ulimit -n ...; exec program'}, so the process is the program itself.
 */
final class Peer implements AutoCloseable {

    /** What the benchmark asks for: 10,000 connections and room to spare. */
    private static final int OPEN_FILES = 65536;

    private static final Pattern LISTENING = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    final String name;
    final Process process;
    private final BufferedReader output;

    private Peer(String name, Process process) {
        this.name = name;
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    }

    /** Starts {@code command}, its standard error shown with the benchmark's. */
    static Peer start(String name, List<String> command) throws IOException {
        var shell = new ArrayList<>(List.of("sh", "-c",
                "ulimit -n " + OPEN_FILES + " 2>/dev/null || ulimit -n \"$(ulimit -H -n)\"; exec \"$@\"", "sh"));
        shell.addAll(command);
        var process = new ProcessBuilder(shell).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // A benchmark stopped half-way leaves no server listening behind it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new Peer(name, process);
    }

    /**
     * Waits for the line where a server says where it listens, then reads (and drops) the rest of
     * its output on a thread of its own, so that its log never fills the pipe and stops it.
     *
     * @return the port it listens on, on 127.0.0.1
     */
    int awaitPort() throws IOException, InterruptedException {
        String line = nextLine(30);
        var listening = LISTENING.matcher(line);
        if (!listening.find()) {
            throw new IOException(name + " said '" + line + "' where it should say where it listens");
        }
        var drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // a server's log lines: the load generator checks every answer itself
                }
            } catch (IOException closed) {
                // the process has ended
            }
        }, name + " output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(listening.group(1));
    }

    /** Sends one command line to the load generator and waits for its one-line answer. */
    String ask(String command, long timeoutSeconds) throws IOException, InterruptedException {
        tell(command);
        return answer(command, timeoutSeconds);
    }

    /** Sends one command line to the load generator, without waiting: {@link #answer} waits. */
    void tell(String command) throws IOException {
        var input = process.getOutputStream();
        input.write((command + "\n").getBytes(UTF_8));
        input.flush();
    }

    /** Waits for the load generator's one-line answer to {@code command}, which {@link #tell} sent. */
    String answer(String command, long timeoutSeconds) throws IOException, InterruptedException {
        String answer = nextLine(timeoutSeconds);
        if (answer.startsWith("failed")) {
            throw new IOException(name + ": " + command + ": " + answer);
        }
        return answer;
    }

    private String nextLine(long timeoutSeconds) throws IOException, InterruptedException {
        var line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        try {
            String read = line.get(timeoutSeconds, TimeUnit.SECONDS);
            if (read == null) {
                throw new IOException(name + " ended (exit status " + process.waitFor() + ")");
            }
            return read;
        } catch (TimeoutException late) {
            throw new IOException(name + " said nothing for " + timeoutSeconds + " s");
        } catch (ExecutionException failed) {
            throw new IOException(name + ": " + failed.getCause().getMessage(), failed.getCause());
        }
    }

    /** A line of the process's {@code /proc/PID/status}, such as {@code VmRSS} or {@code Threads}, as a number. */
    long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in the status of " + name);
    }

    /** The open-file limit the process really got. */
    long openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "limits"))) {
            if (line.startsWith("Max open files")) {
                return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no open-file limit in the limits of " + name);
    }

    /** Stops the process: asks first, then forces it after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
