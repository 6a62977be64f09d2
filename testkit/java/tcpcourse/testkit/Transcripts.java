package tcpcourse.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a real run printed, and the numbers it measured, written by a test for the course site to
 * include, so that no output and no number on a page is typed by hand. The files go to the
 * lesson's {@code target/transcripts}; the docs build fails when one it includes is missing.
 */
public final class Transcripts {

    private Transcripts() {}

    private static Path folder() throws IOException {
        Path folder = Path.of(System.getProperty("transcripts.folder", "target/transcripts"));
        Files.createDirectories(folder);
        return folder;
    }

    /** Writes {@code lines}, as a program printed them, to {@code name}. */
    public static void write(String name, List<String> lines) throws IOException {
        Files.write(folder().resolve(name), lines, StandardCharsets.UTF_8);
    }

    /** Writes AsciiDoc attributes ({@code :name: value}, in order) to {@code name}, for a page to include. */
    public static void attributes(String name, Map<String, ?> attributes) throws IOException {
        var lines = new java.util.ArrayList<String>();
        lines.add("// Written by a test of the lesson from a real run: do not edit.");
        attributes.forEach((key, value) -> lines.add(":" + key + ": " + value));
        write(name, lines);
    }
}
