package tcpcourse.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system sandbox that every test JVM runs in: bubblewrap's namespaces and the
 * kernel's resource limits, or, where they cannot be had, nothing (and the reports say so).
 *
 * <p>Inside, the test JVM sees the system's programs and libraries and the course read-only, the
 * one submission's compiled exercise classes read-only, a small {@code /tmp} of its own as its
 * only writable folder, no {@code /proc}, a network namespace with loopback only, and a PID
 * namespace whose processes all end when the JVM ends (or the grader dies). Its environment is
 * empty but for a few fixed variables, and its address space, threads, file sizes, open files
 * are bounded.
 */
public final class Sandbox {

    /** Where the course's compiled parts appear inside the sandbox. */
    public static final Path COURSE = Path.of("/course");
    /** Where the submission's compiled exercise classes appear inside the sandbox. */
    public static final Path SUBMISSION = Path.of("/submission");

    /** How the grader asks for a sandbox. */
    public enum Mode {
        /** Use one if this system has one; else grade without and say so. */
        AUTO,
        /** Refuse to grade without one. */
        REQUIRED,
        /** Grade without one, and say so. */
        OFF
    }

    /** The bounds on one test JVM and everything it starts. */
    public record Limits(long addressSpaceBytes, int tasks, long fileBytes, int openFiles, long scratchBytes) {

        /** The grader's bounds. */
        public static final Limits DEFAULT = new Limits(2L << 30, 512, 64L << 20, 1024, 64L << 20);
    }

    /** How many job slots have a user of their own; more slots share them. */
    private static final int SLOTS = 16;
    /**
     * The first unprivileged user id this grader uses when it runs as root, one per job slot:
     * taken from the grader's process id, so that two graders on one machine (two CI builds,
     * say) share no user, and so no bound on threads.
     */
    private static final int FIRST_UID = 100_000 + (int) (ProcessHandle.current().pid() % 50_000) * SLOTS;

    private final boolean isolated;
    private final String description;
    private final Path javaHome;
    private final Limits limits;
    private final boolean root;
    private final int baseTasks;

    private Sandbox(boolean isolated, String description, Path javaHome, Limits limits, boolean root, int baseTasks) {
        this.isolated = isolated;
        this.description = description;
        this.javaHome = javaHome;
        this.limits = limits;
        this.root = root;
        this.baseTasks = baseTasks;
    }

    /** True when test JVMs run isolated; false when this system has no sandbox to give. */
    public boolean isolated() {
        return isolated;
    }

    /** One line: what the sandbox is, or why there is none. */
    public String description() {
        return description;
    }

    /**
     * Finds out whether this system can sandbox a JVM, by starting one in the sandbox.
     *
     * @throws IllegalStateException in {@link Mode#REQUIRED} when it cannot
     */
    public static Sandbox detect(Mode mode, Path javaHome, Limits limits) {
        boolean root = "root".equals(System.getProperty("user.name")) || isRootByProc();
        if (mode == Mode.OFF) {
            return new Sandbox(false, "not sandboxed: turned off with --sandbox=off", javaHome, limits, root, 0);
        }
        var candidate = new Sandbox(true, "", javaHome, limits, root, root ? 0 : tasksOfThisUser());
        String problem = candidate.probe();
        if (problem != null) {
            if (mode == Mode.REQUIRED) {
                throw new IllegalStateException("no sandbox: " + problem);
            }
            return new Sandbox(false, "not sandboxed: " + problem, javaHome, limits, root, 0);
        }
        String who = root ? "as users " + FIRST_UID + "+slot" : "as " + System.getProperty("user.name");
        return new Sandbox(true, String.format(java.util.Locale.ROOT,
                "sandboxed: bubblewrap namespaces (user, PID, mount, network with loopback only), %s;"
                        + " at most %d MiB of address space, %d threads, %d MiB per file, %d MiB of /tmp",
                who, limits.addressSpaceBytes() >> 20, limits.tasks(), limits.fileBytes() >> 20,
                limits.scratchBytes() >> 20), javaHome, limits, root, candidate.baseTasks);
    }

    /** Runs {@code java -version} in the sandbox; the reason it failed, or null. */
    private String probe() {
        if (!new java.io.File("/bin/sh").canExecute()) {
            return "no /bin/sh on this system";
        }
        String bwrap = onPath("bwrap");
        if (bwrap == null) {
            return "bubblewrap (bwrap) is not installed; on Debian or Ubuntu: apt-get install bubblewrap";
        }
        if (onPath("prlimit") == null || (root && onPath("setpriv") == null)) {
            return "prlimit or setpriv (util-linux) is missing";
        }
        try {
            var java = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
            java.addAll(MEMORY);
            java.add("-version");
            var command = command(java, Map.of(), 0);
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "a JVM in bubblewrap did not start within 60 s";
            }
            if (process.exitValue() != 0) {
                String first = new String(output, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return "bubblewrap cannot start a JVM here (" + first.strip() + ")";
            }
            return null;
        } catch (IOException e) {
            return "cannot start bubblewrap: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The command that runs {@code java} (a command line in the sandbox's own paths) with the
     * results channel on file descriptor 3 and everything it prints on standard error.
     *
     * @param readOnly host folders to show inside, by their path inside
     * @param slot the job slot this JVM runs in, from 0: as root, each slot has a user of its own
     */
    public List<String> command(List<String> java, Map<Path, Path> readOnly, int slot) {
        // Descriptor 3 is the grader's results pipe; 1 and 2 both go to the log.
        var command = new ArrayList<>(List.of("/bin/sh", "-c", "exec 3>&1 1>&2; exec \"$@\"", "sandbox"));
        if (!isolated) {
            command.addAll(java);
            return command;
        }
        if (root) {
            // The kernel does not count root's threads, so each slot runs as an unprivileged user.
            int uid = FIRST_UID + slot % SLOTS;
            command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        command.addAll(List.of("prlimit",
                "--as=" + limits.addressSpaceBytes(),
                "--nproc=" + (baseTasks + limits.tasks()),
                "--fsize=" + limits.fileBytes(),
                "--nofile=" + limits.openFiles(),
                "--core=0"));
        command.addAll(List.of("bwrap",
                "--unshare-all", "--unshare-user", "--disable-userns",
                "--die-with-parent", "--new-session", "--hostname", "sandbox",
                // The JVM is the namespace's first process: when it ends, the kernel ends every other one.
                "--as-pid-1",
                "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8",
                "--setenv", "MALLOC_ARENA_MAX", "2",
                // Without /proc, the loader cannot find the JDK's libraries by $ORIGIN.
                "--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib") + ":" + javaHome.resolve("lib/server"),
                "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path path = Path.of(top);
            if (Files.isSymbolicLink(path)) {
                try {
                    command.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), top));
                } catch (IOException e) {
                    // an unreadable link is left out, as a missing folder would be
                }
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                command.addAll(List.of("--ro-bind", top, top));
            }
        }
        for (Path etc : systemFilesTheJdkNeeds()) {
            command.addAll(List.of("--ro-bind", etc.toString(), etc.toString()));
        }
        if (!javaHome.startsWith("/usr")) {
            command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        readOnly.forEach((inside, host) -> command.addAll(List.of("--ro-bind", host.toString(), inside.toString())));
        command.addAll(List.of(
                "--size", Long.toString(limits.scratchBytes()), "--tmpfs", "/tmp",
                "--dev", "/dev",
                "--chdir", "/tmp",
                "--"));
        command.addAll(java);
        return command;
    }

    /** The JDK's configuration, where a distribution keeps it in /etc, and the loader's cache. */
    private static List<Path> systemFilesTheJdkNeeds() {
        var files = new ArrayList<Path>();
        Path cache = Path.of("/etc/ld.so.cache");
        if (Files.isRegularFile(cache)) {
            files.add(cache);
        }
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            etc.filter(path -> path.getFileName().toString().startsWith("java-")).filter(Files::isDirectory)
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            // no /etc to read: nothing to add
        }
        return files;
    }

    /** The JVM's own sizes, which keep it inside the sandbox's bound on address space. */
    private static final List<String> MEMORY = List.of(
            "-Xmx256m", "-Xss1m",
            "-XX:MaxMetaspaceSize=192m", "-XX:CompressedClassSpaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /** The JVM options that keep a test JVM inside its limits and its results channel its own. */
    public static List<String> jvmOptions() {
        var options = new ArrayList<>(MEMORY);
        options.addAll(List.of(
                "-XX:+DisableAttachMechanism",
                // No sun.misc.Unsafe, no attach API: the modules the tests need, and the channel.
                "--limit-modules", "java.base,java.logging,java.management,jdk.net",
                "--add-modules", "tcpcourse.channel",
                "--add-opens", "java.base/java.io=tcpcourse.channel"));
        return List.copyOf(options);
    }

    private static String onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static boolean isRootByProc() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * How many threads this user runs now: the kernel counts them all against the limit on
     * threads, so the sandbox's bound is added to them.
     */
    private static int tasksOfThisUser() {
        int count = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            var owner = Files.getOwner(Path.of("/proc/self"));
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
                    if (Files.getOwner(process).equals(owner)) {
                        count += (int) tasks.count();
                    }
                } catch (IOException | SecurityException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return count;
    }

    /** For the report: the bounds as a map, in a stable order. */
    public Map<String, String> facts() {
        var facts = new LinkedHashMap<String, String>();
        facts.put("sandboxed", Boolean.toString(isolated));
        facts.put("sandbox", description);
        return facts;
    }
}
