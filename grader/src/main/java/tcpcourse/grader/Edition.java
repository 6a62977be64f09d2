package tcpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the student edition of the course: the repository students get, which has no reference
 * solutions, builds the student's own exercises by default, and carries a GitHub Classroom
 * workflow that grades with the pristine course.
 */
final class Edition {

    /** What the edition leaves out: the solutions, and what only the instructor's repository needs. */
    private static final List<String> LEFT_OUT = List.of(
            "glob:**/src/solutions/**", "glob:grader/src/test/**", "glob:.ci/**", "glob:.github/workflows/classroom.yml");

    private Edition() {}

    /**
     * Writes the edition of the course at {@code root} into {@code target}, which must not exist
     * or be empty.
     *
     * @return how many files it wrote
     */
    static int write(Path root, Path target, String workflow) throws IOException, InterruptedException {
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new IOException(target + " is not empty: the edition goes into a new folder");
        }
        var matchers = LEFT_OUT.stream().map(pattern -> root.getFileSystem().getPathMatcher(pattern)).toList();
        int written = 0;
        for (String file : courseFiles(root)) {
            Path relative = Path.of(file);
            if (matchers.stream().anyMatch(matcher -> matcher.matches(relative))) {
                continue;
            }
            Path from = root.resolve(relative);
            Path to = target.resolve(relative);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            written++;
        }
        // Students build their own exercises: the default that the instructor's repository gives the solutions.
        Path pom = target.resolve("pom.xml");
        String parent = Files.readString(pom, StandardCharsets.UTF_8);
        String studentDefault = parent.replace("<exercises.directory>src/solutions/java</exercises.directory>",
                "<exercises.directory>src/exercises/java</exercises.directory>");
        if (studentDefault.equals(parent)) {
            throw new IllegalStateException("the course's pom.xml no longer names src/solutions/java as its default");
        }
        Files.writeString(pom, studentDefault, StandardCharsets.UTF_8);
        Files.copy(root.resolve("grader/src/edition/README.md"), target.resolve("README.md"),
                StandardCopyOption.REPLACE_EXISTING);
        Path classroom = target.resolve(".github/workflows/classroom.yml");
        Files.createDirectories(classroom.getParent());
        Files.writeString(classroom, workflow, StandardCharsets.UTF_8);
        return written + 1;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    /** The course's own files: git's list where the course is a clone, else every file but build output. */
    private static List<String> courseFiles(Path root) throws IOException, InterruptedException {
        // A clone has a .git folder, a worktree a .git file: git lists the course's files in both.
        if (Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            var git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z").redirectErrorStream(false).start();
            byte[] listing = git.getInputStream().readAllBytes();
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                var files = new ArrayList<String>();
                for (String file : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                    if (!file.isEmpty() && Files.exists(root.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                        files.add(file);
                    }
                }
                return files;
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .map(path -> root.relativize(path).toString())
                    .filter(path -> !path.equals(".git") && !path.startsWith(".git/") && !path.contains("target/")
                            && !path.contains("node_modules/"))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
