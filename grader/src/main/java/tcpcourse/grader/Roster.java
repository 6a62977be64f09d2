package tcpcourse.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A class's roster: which student each submission folder belongs to, so that the class's table
 * can be imported into a learning management system. One CSV line per student,
 * {@code folder name,student id,name}, an optional header line first (its first field
 * {@code folder} or {@code folder name}),
 * fields quoted where they hold a comma ({@code "Doe, Jane"}).
 */
record Roster(Map<String, Student> byFolder) {

    /** A student: the id the LMS knows them by (Canvas's SIS User ID, Moodle's ID number), and their name. */
    record Student(String folder, String id, String name) {}

    static final Roster NONE = new Roster(Map.of());

    /** A line of the roster the grader cannot read, said in one line that names it. */
    static final class RosterException extends Exception {
        private static final long serialVersionUID = 1L;

        RosterException(String message) {
            super(message);
        }
    }

    static Roster read(Path file) throws RosterException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RosterException("cannot read the roster " + file + ": " + e.getMessage());
        }
        var students = new LinkedHashMap<String, Student>();
        var lineOf = new LinkedHashMap<String, Integer>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).replaceFirst("^\uFEFF", "");
            if (line.isBlank()) {
                continue;
            }
            var fields = fields(line, file, number);
            if (number == 1 && List.of("folder", "folder name").contains(fields.get(0).strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (fields.size() != 3) {
                throw new RosterException(file + " line " + number + ": expected 'folder name,student id,name', got "
                        + fields.size() + " field" + (fields.size() == 1 ? "" : "s"));
            }
            String folder = fields.get(0).strip();
            if (folder.isEmpty()) {
                throw new RosterException(file + " line " + number + ": no folder name");
            }
            if (lineOf.containsKey(folder)) {
                throw new RosterException(file + " line " + number + ": folder " + folder + " is on line "
                        + lineOf.get(folder) + " already");
            }
            lineOf.put(folder, number);
            students.put(folder, new Student(folder, fields.get(1).strip(), fields.get(2).strip()));
        }
        return new Roster(Map.copyOf(students));
    }

    /** The fields of one CSV line (RFC 4180: quotes around a field, a doubled quote inside one). */
    private static List<String> fields(String line, Path file, int number) throws RosterException {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new RosterException(file + " line " + number + ": a quote that does not close");
        }
        fields.add(field.toString());
        return fields;
    }
}
