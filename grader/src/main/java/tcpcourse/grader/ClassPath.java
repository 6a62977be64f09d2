package tcpcourse.grader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Class paths as lists of folders and jars. */
final class ClassPath {

    private ClassPath() {}

    static String join(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The jars listed in a file that {@code dependency:build-classpath} wrote. */
    static List<Path> readLibraries(Path listing) {
        try {
            String line = Files.readString(listing, StandardCharsets.UTF_8).strip();
            return Arrays.stream(line.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test libraries' list " + listing
                    + ": run the grader with `./mvnw -q -pl grader compile exec:java`", e);
        }
    }
}
