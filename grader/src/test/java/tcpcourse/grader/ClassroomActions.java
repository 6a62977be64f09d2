package tcpcourse.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The two GitHub Classroom actions that the grader's workflow uses, as their own repositories
 * define them at the tag the workflow names: what they are called, their inputs and outputs,
 * and what they compute, so that a replay can do what GitHub would.
 *
 * <p>Read from the actions' {@code action.yml} and {@code src/main.js} (and the bundled
 * {@code dist/main.js} that GitHub runs, which does the same), at tag {@code v1}:
 * <ul>
 *   <li>github.com/classroom-resources/autograding-command-grader, v1 =
 *       {@value #COMMAND_GRADER_COMMIT}
 *   <li>github.com/classroom-resources/autograding-grading-reporter, v1 =
 *       {@value #REPORTER_COMMIT}
 * </ul>
 * Both read their inputs with {@code @actions/core}'s {@code getInput(name)}, which is the
 * environment variable {@code INPUT_} + the name with spaces as {@code _}, in capitals, trimmed.
 */
final class ClassroomActions {

    private ClassroomActions() {}

    static final String COMMAND_GRADER = "classroom-resources/autograding-command-grader@v1";
    static final String COMMAND_GRADER_COMMIT = "d5b3fa6f50f7f629b7bfae0cc3e4c58852b412d5";
    /** action.yml {@code inputs}: every input the command grader declares. */
    static final Set<String> COMMAND_GRADER_INPUTS = Set.of("test-name", "setup-command", "command", "timeout", "max-score");
    /** action.yml: {@code required: true}. */
    static final Set<String> COMMAND_GRADER_REQUIRED = Set.of("test-name", "command");
    /** action.yml {@code outputs}: its one output, the result as base64 of JSON. */
    static final String COMMAND_GRADER_OUTPUT = "result";
    /** action.yml: "Duration (in minutes) ... Defaults to 10 minutes with a maximum limit of 6 hours." */
    static final double DEFAULT_TIMEOUT_MINUTES = 10;
    static final double MAXIMUM_TIMEOUT_MINUTES = 6 * 60;
    /** main.js: the only environment the command runs with (PATH and HOME are the runner's). */
    static final List<String> COMMAND_ENVIRONMENT = List.of("PATH", "FORCE_COLOR", "DOTNET_CLI_HOME", "DOTNET_NOLOGO", "HOME");

    static final String REPORTER = "classroom-resources/autograding-grading-reporter@v1";
    static final String REPORTER_COMMIT = "d13b5912daf5042ac1b71bc38bdb4a6bcd61d8ca";
    /** action.yml {@code inputs}: a token (defaulting to the job's) and the runners. */
    static final Set<String> REPORTER_INPUTS = Set.of("token", "runners");
    static final Set<String> REPORTER_REQUIRED = Set.of("runners");
    /**
     * main.js: for each runner in {@code runners.split(",")}, the variable
     * {@code runner.trim().toUpperCase() + "_RESULTS"}; this is the name it reads.
     */
    static String resultsVariable(String runner) {
        return runner.strip().toUpperCase(java.util.Locale.ROOT) + "_RESULTS";
    }
    /** main.js: the runners it accepts when reading them fails; it says so in this message. */
    static final Pattern RUNNERS = Pattern.compile("^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$");

    /** What one command-grader step produced: its status, and its {@code result} output. */
    record GraderStep(String status, int score, int maxScore, String result) {}

    /**
     * Runs one command-grader step as its main.js does: {@code execSync(command)} through
     * {@code /bin/sh} in the workspace, with only {@link #COMMAND_ENVIRONMENT}, a timeout of
     * {@code parseFloat(timeout || 10)} minutes; exit status 0 is "pass" with {@code max-score}
     * points ({@code parseInt(max-score || 0)}), a failure "fail" with 0, a timeout "error"; and
     * {@code setOutput("result", base64(JSON.stringify(result)))}.
     *
     * @param inputs the step's {@code with:}, its expressions already evaluated
     * @throws IllegalStateException where the action itself would fail (a required input missing)
     */
    static GraderStep commandGrader(Map<String, String> inputs, Path workspace, Map<String, String> runnerEnvironment)
            throws IOException, InterruptedException {
        String testName = input(inputs, "test-name", true);
        String setupCommand = input(inputs, "setup-command", false);
        String command = input(inputs, "command", true);
        String timeoutInput = input(inputs, "timeout", false);
        double minutes = Double.parseDouble(timeoutInput.isEmpty() ? "10" : leadingNumber(timeoutInput));
        long timeoutMillis = (long) (minutes * 60_000);
        String maxScoreInput = input(inputs, "max-score", false);
        int maxScore = maxScoreInput.isEmpty() ? 0 : (int) Double.parseDouble(leadingNumber(maxScoreInput).replaceFirst("\\..*", ""));

        var environment = new LinkedHashMap<String, String>();
        environment.put("PATH", runnerEnvironment.get("PATH"));
        environment.put("FORCE_COLOR", "true");
        environment.put("DOTNET_CLI_HOME", "/tmp");
        environment.put("DOTNET_NOLOGO", "true");
        environment.put("HOME", runnerEnvironment.get("HOME"));
        environment.values().removeIf(value -> value == null);

        String status;
        String message = null;
        long start = System.nanoTime();
        String failure = null;
        if (!setupCommand.isEmpty()) {
            failure = execSync(setupCommand, workspace, environment, timeoutMillis);
        }
        start = System.nanoTime();
        if (failure == null) {
            failure = execSync(command, workspace, environment, timeoutMillis);
        }
        long duration = (System.nanoTime() - start) / 1_000_000;
        if (failure == null) {
            status = "pass";
        } else if (failure.contains("ETIMEDOUT")) {
            status = "error";
            message = "Command timed out";
        } else if (failure.contains("command not found")) {
            status = "error";
            message = "Unable to locate executable file: " + command;
        } else if (failure.contains("Command failed")) {
            status = "fail";
            message = "failed with exit code 1";
        } else {
            status = "error";
            message = failure;
        }
        int score = status.equals("pass") ? maxScore : 0;
        var test = new LinkedHashMap<String, Object>();
        test.put("name", testName);
        test.put("status", status);
        test.put("score", score);
        test.put("message", message);
        test.put("test_code", command);
        test.put("filename", "");
        test.put("line_no", 0);
        test.put("duration", duration);
        var result = new LinkedHashMap<String, Object>();
        result.put("version", 1);
        result.put("status", status);
        result.put("max_score", maxScore);
        result.put("tests", List.of(test));
        String encoded = Base64.getEncoder().encodeToString(Json.stringify(result).getBytes(StandardCharsets.UTF_8));
        return new GraderStep(status, score, maxScore, encoded);
    }

    /** Node's execSync: null when the command exits 0, else the message of the error it throws. */
    private static String execSync(String command, Path workspace, Map<String, String> environment, long timeoutMillis)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder("/bin/sh", "-c", command).directory(workspace.toFile()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return "spawnSync /bin/sh ENOENT";
        }
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            // Node sends the shell SIGTERM, and the error's code is ETIMEDOUT.
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            return "spawnSync /bin/sh ETIMEDOUT";
        }
        return process.exitValue() == 0 ? null : "Command failed: " + command;
    }

    /** JavaScript's parseFloat and parseInt read the number a string starts with. */
    private static String leadingNumber(String text) {
        var number = Pattern.compile("^\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)").matcher(text);
        if (!number.find()) {
            throw new IllegalStateException("'" + text + "' is not a number: the action would compute NaN");
        }
        return number.group().strip();
    }

    private static String input(Map<String, String> inputs, String name, boolean required) {
        String value = inputs.getOrDefault(name, "").strip();
        if (required && value.isEmpty()) {
            throw new IllegalStateException("Input required and not supplied: " + name);
        }
        return value;
    }

    /**
     * What the reporter computes and tells Classroom: for every runner with a truthy
     * {@code max_score}, the sum of its tests' {@code score} ("Points total/max", in a notice
     * titled "Autograding complete"), or why it failed before it could.
     */
    record Report(double totalPoints, double maxPoints, boolean anyFailed, String error) {}

    /**
     * The reporter's main.js: reads {@code runners}, then for each the variable
     * {@link #resultsVariable}, {@code Buffer.from(value, "base64").toString("utf-8")},
     * {@code JSON.parse}; adds up the points; fails the step when any result's status is "fail"
     * or "error" (after the points are told).
     */
    static Report reporter(Map<String, String> inputs, Map<String, String> environment) {
        String runners = inputs.getOrDefault("runners", "").strip();
        var results = new ArrayList<Map<?, ?>>();
        try {
            for (String runner : runners.split(",", -1)) {
                String encoded = environment.get(resultsVariable(runner));
                if (encoded == null) {
                    throw new IllegalStateException("The \"string\" argument must be of type string. Received undefined ("
                            + resultsVariable(runner) + " is not set)");
                }
                Object parsed = Json.parse(new String(nodeBase64(encoded), StandardCharsets.UTF_8));
                if (!(parsed instanceof Map<?, ?> map) || !(map.get("tests") instanceof List<?>)) {
                    throw new IllegalStateException("Cannot read properties of undefined (reading 'length'): " + runner
                            + "'s result has no tests");
                }
                results.add(map);
            }
        } catch (RuntimeException readFailure) {
            String error = RUNNERS.matcher(runners).matches() ? readFailure.getMessage()
                    : "The runners input must be a comma-separated list of strings.";
            return new Report(0, 0, true, error);
        }
        double total = 0;
        double max = 0;
        boolean failed = false;
        for (var result : results) {
            Object maxScore = result.get("max_score");
            if (Expressions.truthy(maxScore)) {
                max += ((Number) maxScore).doubleValue();
                for (Object test : (List<?>) result.get("tests")) {
                    Object score = ((Map<?, ?>) test).get("score");
                    total += score instanceof Number number ? number.doubleValue() : 0;
                }
            }
            failed |= "fail".equals(result.get("status")) || "error".equals(result.get("status"));
        }
        return new Report(total, max, failed, null);
    }

    /** Node's base64 decoder: takes both alphabets, skips what is not base64, needs no padding. */
    private static byte[] nodeBase64(String text) {
        var clean = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '=') {
                break;
            }
            if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/') {
                clean.append(c);
            } else if (c == '-') {
                clean.append('+');
            } else if (c == '_') {
                clean.append('/');
            }
        }
        if (clean.length() % 4 == 1) {
            // A lone last character carries no whole byte: Node drops it.
            clean.setLength(clean.length() - 1);
        }
        // Java's decoder, like Node's, does not need the padding.
        return Base64.getDecoder().decode(clean.toString());
    }
}
