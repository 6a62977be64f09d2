package tcpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes a lesson's exercise sources from a submission: only the {@code .java} files of the
 * lesson's exercises package, only regular files inside the checkout (no links), each of a
 * bounded size, copied into the grader's own folder before anything reads them. Everything else
 * is left out, and said so.
 */
final class Intake {

    /** The largest exercise source the grader takes. */
    static final long FILE_LIMIT = 256 * 1024;
    /** The most source the grader takes from one lesson. */
    static final long LESSON_LIMIT = 1024 * 1024;
    private static final int FILES_LOOKED_AT = 5000;
    private static final int NOTES_KEPT = 8;

    /**
     * A lesson's exercise sources as taken.
     *
     * @param sources the folder the sources were copied to (the package's folders below it)
     * @param leftOut one line for each thing left out, and why
     * @param flags calls in the sources an instructor may want to look at
     */
    record Taken(Path sources, List<String> leftOut, List<String> flags) {}

    /** What a grader should look at by hand: calls that only an attempt on the grader needs. */
    private static final List<Pattern> FLAGGED = List.of(
            Pattern.compile("System\\s*\\.\\s*(load|loadLibrary)\\b|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(load|loadLibrary|exec)\\b"),
            Pattern.compile("\\bProcessBuilder\\b|\\bProcessHandle\\b"),
            Pattern.compile("\\bsun\\.misc\\b|\\bjdk\\.internal\\b|\\bUnsafe\\b"),
            Pattern.compile("\\bsetAccessible\\b|\\bMethodHandles\\s*\\.\\s*privateLookupIn\\b"),
            Pattern.compile("\\bFileDescriptor\\b|\"/proc|\"/dev/fd"),
            Pattern.compile("\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*halt\\b|\\bSystem\\s*\\.\\s*exit\\b"));

    private Intake() {}

    /**
     * Copies the sources of {@code exercisesPackage} under {@code exercisesRoot} (a checkout's
     * {@code src/exercises/java}) into {@code into}.
     */
    static Taken take(Path checkout, Path exercisesRoot, String exercisesPackage, Path into) {
        var leftOut = new ArrayList<String>();
        var flags = new ArrayList<String>();
        Path packageFolder = exercisesRoot.resolve(exercisesPackage.replace('.', '/'));
        Path target = into.resolve(exercisesPackage.replace('.', '/'));
        try {
            Files.createDirectories(target);
            if (!Files.isDirectory(exercisesRoot, LinkOption.NOFOLLOW_LINKS)) {
                return new Taken(into, List.of(), List.of());
            }
            if (!insideCheckout(checkout, exercisesRoot)) {
                return new Taken(into, List.of("left out: " + checkout.relativize(exercisesRoot)
                        + " leads outside the submission (a link)"), List.of());
            }
            var total = new long[1];
            var seen = new int[1];
            Files.walkFileTree(exercisesRoot, java.util.Set.of(), 16, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (++seen[0] > FILES_LOOKED_AT) {
                        leftOut.add("left out: everything past the first " + FILES_LOOKED_AT + " files");
                        return FileVisitResult.TERMINATE;
                    }
                    String shown = exercisesRoot.relativize(file).toString();
                    if (!file.getParent().equals(packageFolder) || !shown.endsWith(".java")) {
                        leftOut.add("left out: " + shown + " (only the .java files of package " + exercisesPackage
                                + " are graded)");
                    } else if (!attributes.isRegularFile()) {
                        leftOut.add("left out: " + shown + " (a link, not a file)");
                    } else if (attributes.size() > FILE_LIMIT) {
                        leftOut.add("left out: " + shown + " (larger than " + FILE_LIMIT / 1024 + " KiB)");
                    } else if (total[0] + attributes.size() > LESSON_LIMIT) {
                        leftOut.add("left out: " + shown + " (the lesson's sources pass " + LESSON_LIMIT / 1024 + " KiB)");
                    } else {
                        total[0] += attributes.size();
                        Path copy = target.resolve(file.getFileName().toString());
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                        flag(copy, shown, flags);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + exercisesRoot, e);
        }
        return new Taken(into, shorten(leftOut), flags);
    }

    private static boolean insideCheckout(Path checkout, Path folder) throws IOException {
        return folder.toRealPath().startsWith(checkout.toRealPath());
    }

    private static void flag(Path source, String shown, List<String> flags) throws IOException {
        String text = new String(Files.readAllBytes(source), java.nio.charset.StandardCharsets.UTF_8);
        for (Pattern pattern : FLAGGED) {
            var found = pattern.matcher(text);
            if (found.find()) {
                flags.add(shown + " uses " + found.group().replaceAll("\\s+", ""));
            }
        }
    }

    private static List<String> shorten(List<String> notes) {
        if (notes.size() <= NOTES_KEPT) {
            return List.copyOf(notes);
        }
        var kept = new ArrayList<>(notes.subList(0, NOTES_KEPT));
        kept.add("left out: " + (notes.size() - NOTES_KEPT) + " more");
        return List.copyOf(kept);
    }
}
