package tcpcourse.grader;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the zip an instructor uploads to Gradescope as a programming assignment's autograder:
 * {@code setup.sh} and {@code run_autograder} at its root, as Gradescope's specification asks,
 * and the course's student edition in {@code course/} (no reference solutions: the grading
 * tests compile against the stubs, which have the same signatures). The scripts read the root
 * of Gradescope's layout from {@code AUTOGRADER_ROOT}, {@code /autograder} by default.
 */
final class Autograder {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private Autograder() {}

    /**
     * Writes the autograder of the course at {@code root} to {@code zip}, replacing it.
     *
     * @return how many files the zip holds
     */
    static int write(Path root, Path zip, String workflow) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("tcpcourse-autograder-");
        try {
            Path course = scratch.resolve("course");
            Edition.write(root, course, workflow);
            Path absolute = zip.toAbsolutePath().normalize();
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(absolute);
            int files = 0;
            // Posix attributes on: each entry keeps its mode, so the scripts and mvnw stay executable.
            var properties = Map.of("create", "true", "enablePosixFileAttributes", "true");
            try (var archive = FileSystems.newFileSystem(URI.create("jar:" + absolute.toUri()), properties)) {
                for (String script : List.of("setup.sh", "run_autograder")) {
                    Path entry = archive.getPath(script);
                    Files.copy(root.resolve("grader/src/gradescope").resolve(script), entry);
                    Files.setPosixFilePermissions(entry, EXECUTABLE);
                    files++;
                }
                List<Path> sources;
                try (Stream<Path> walk = Files.walk(course)) {
                    sources = walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
                }
                for (Path source : sources) {
                    Path entry = archive.getPath("course", course.relativize(source).toString().split("/"));
                    createFolders(entry.getParent());
                    Files.copy(source, entry);
                    Files.setPosixFilePermissions(entry, Files.isExecutable(source) ? EXECUTABLE : READABLE);
                    files++;
                }
            }
            return files;
        } finally {
            Grader.deleteTree(scratch);
        }
    }

    /** Folders in the zip with a mode of their own, so that an unzipped folder can be entered. */
    private static void createFolders(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        Files.createDirectory(folder);
        Files.setPosixFilePermissions(folder, EXECUTABLE);
    }
}
