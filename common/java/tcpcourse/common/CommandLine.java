package tcpcourse.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The command line of a lesson's program: options of the form {@code --name=value}, each with a
 * default.
 *
 * <p>The usage line is written from the same option list that parsing uses, so it cannot drift
 * from what the program accepts:
 *
 * <pre>{@code
 * var commandLine = CommandLine.of("Server", new Option("host", "127.0.0.1"), new Option("port", "8124"));
 * Map<String, String> options = commandLine.parse("--port=9000"); // {host=127.0.0.1, port=9000}
 * int port = commandLine.port(options);                          // 9000
 * }</pre>
 */
public final class CommandLine {

    /**
     * One option.
     *
     * @param name the option's name, without the leading {@code --}
     * @param defaultValue its value when the command line does not give one
     */
    public record Option(String name, String defaultValue) {}

    private final String program;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    private CommandLine(String program, List<Option> options) {
        this.program = program;
        options.forEach(option -> defaults.put(option.name(), option.defaultValue()));
    }

    /**
     * Describes a program's options.
     *
     * @param program the program's name, as the usage line shows it
     * @param options the options, in the order the usage line lists them
     */
    public static CommandLine of(String program, Option... options) {
        return new CommandLine(program, List.of(options));
    }

    /**
     * Reads {@code --name=value} arguments over the defaults.
     *
     * @return every option's value: the one given, or else its default
     * @throws UsageException for an argument that is not a known {@code --name=value} option
     */
    public Map<String, String> parse(String... args) throws UsageException {
        var values = new LinkedHashMap<>(defaults);
        for (String argument : args) {
            int equals = argument.indexOf('=');
            String name = argument.startsWith("--") && equals > 2 ? argument.substring(2, equals) : "";
            if (!defaults.containsKey(name)) {
                throw new UsageException("unknown argument '" + argument + "'");
            }
            values.put(name, argument.substring(equals + 1));
        }
        return values;
    }

    /**
     * Reads the {@code port} option as a TCP port number.
     *
     * @throws UsageException if it is not a whole number from 0 to 65535
     */
    public int port(Map<String, String> options) throws UsageException {
        String port = options.get("port");
        try {
            int number = Integer.parseInt(port);
            if (number >= 0 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the text the user typed.
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '" + port + "'");
    }

    /** The usage line, for example {@code usage: Server [--host=127.0.0.1] [--port=8124]}. */
    public String usage() {
        var usage = new StringJoiner(" ", "usage: " + program + " ", "");
        defaults.forEach((name, value) -> usage.add("[--" + name + "=" + value + "]"));
        return usage.toString();
    }

    /** A command line that the program cannot run with; its message says what was wrong. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong, naming the argument */
        public UsageException(String message) {
            super(message);
        }
    }
}
