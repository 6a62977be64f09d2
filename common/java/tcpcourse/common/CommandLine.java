package tcpcourse.common;

import java.io.PrintStream;
import java.time.Duration;
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
 * var options = commandLine.parse("--port=9000");
 * String host = options.text("host"); // 127.0.0.1
 * int port = options.port("port");    // 9000; "--port must be a number from 0 to 65535, not 'x'" if not
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
     * @throws HelpAsked for {@code --help} or {@code -h}
     * @throws UsageException for an argument that is not a known {@code --name=value} option
     */
    public Values parse(String... args) throws UsageException {
        var values = new LinkedHashMap<>(defaults);
        for (String argument : args) {
            if (argument.equals("--help") || argument.equals("-h")) {
                throw new HelpAsked();
            }
            int equals = argument.indexOf('=');
            String name = argument.startsWith("--") && equals > 2 ? argument.substring(2, equals) : "";
            if (!defaults.containsKey(name)) {
                throw new UsageException("unknown argument '" + argument + "'");
            }
            values.put(name, argument.substring(equals + 1));
        }
        return new Values(values);
    }

    /**
     * Says what was wrong with the command line: the usage alone on {@code out} when help was
     * asked for, else the problem and the usage on {@code err}.
     *
     * @return the exit status: 0 for help, 1 for a wrong command line
     */
    public int explain(UsageException problem, PrintStream out, PrintStream err) {
        if (problem instanceof HelpAsked) {
            out.println(usage());
            return 0;
        }
        err.println(problem.getMessage() + "; " + usage());
        return 1;
    }

    /** The options' values, each read as the type it stands for; a wrong one names its option. */
    public static final class Values {

        private final Map<String, String> values;

        private Values(Map<String, String> values) {
            this.values = values;
        }

        /** The option's text, as given. */
        public String text(String name) {
            return values.get(name);
        }

        /**
         * The option as a TCP port number.
         *
         * @throws UsageException if it is not a whole number from 0 to 65535
         */
        public int port(String name) throws UsageException {
            return (int) whole(name, 0, 65535, "a number from 0 to 65535");
        }

        /**
         * The option as a whole number of at least 1.
         *
         * @throws UsageException if it is not one
         */
        public int positive(String name) throws UsageException {
            return (int) whole(name, 1, Integer.MAX_VALUE, "a whole number, 1 or more");
        }

        /**
         * The option as a whole number of at least {@code least}.
         *
         * @throws UsageException if it is not one
         */
        public int atLeast(String name, int least) throws UsageException {
            return (int) whole(name, least, Integer.MAX_VALUE, "a whole number, " + least + " or more");
        }

        /**
         * The option as any whole number (a seed, say).
         *
         * @throws UsageException if it is not one
         */
        public long number(String name) throws UsageException {
            return whole(name, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
        }

        /**
         * The option as a duration in milliseconds, at least 1: no timeout of 0, which sockets
         * take to mean "wait for ever".
         *
         * @throws UsageException if it is not a whole number of at least 1
         */
        public Duration millis(String name) throws UsageException {
            return Duration.ofMillis(whole(name, 1, Integer.MAX_VALUE, "a number of milliseconds, 1 or more"));
        }

        private long whole(String name, long least, long most, String what) throws UsageException {
            String text = values.get(name);
            try {
                long value = Long.parseLong(text);
                if (value >= least && value <= most) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below, with the text the user typed.
            }
            throw new UsageException("--" + name + " must be " + what + ", not '" + text + "'");
        }
    }

    /** The usage line, for example {@code usage: Server [--host=127.0.0.1] [--port=8124]}. */
    public String usage() {
        var usage = new StringJoiner(" ", "usage: " + program + " ", "");
        defaults.forEach((name, value) -> usage.add("[--" + name + "=" + value + "]"));
        return usage.toString();
    }

    /** A command line that the program cannot run with; its message says what was wrong. */
    public static class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong, naming the argument */
        public UsageException(String message) {
            super(message);
        }
    }

    /** {@code --help}: not a mistake, a question, answered with the usage and exit status 0. */
    public static final class HelpAsked extends UsageException {
        private static final long serialVersionUID = 1L;

        HelpAsked() {
            super("help");
        }
    }
}
