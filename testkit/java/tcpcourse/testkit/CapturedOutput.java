package tcpcourse.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

/** A console that a program under test prints to, and the test reads back line by line. */
public final class CapturedOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream printStream = new PrintStream(bytes, true, UTF_8);

    /** Where the program prints; safe to use from several threads. */
    public PrintStream printStream() {
        return printStream;
    }

    /** Every complete line printed so far. */
    public List<String> lines() {
        String text = new String(bytes.toByteArray(), UTF_8);
        int lastNewline = text.lastIndexOf('\n');
        return lastNewline < 0 ? List.of() : text.substring(0, lastNewline).lines().toList();
    }
}
