package tcpcourse.grader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a GitHub Classroom workflow against the facts of the actions it uses
 * ({@link ClassroomActions}) and of GitHub Classroom's own workflows, before anything runs.
 */
final class ClassroomWorkflow {

    /** The name and the one job of the workflow GitHub Classroom writes for an assignment. */
    static final String NAME = "Autograding Tests";
    static final String JOB = "run-autograding-tests";
    /** The actor of the first commit of every student's repository, which has nothing to grade. */
    static final String CLASSROOM_BOT = "github-classroom[bot]";
    static final String CHECKOUT = "actions/checkout@v4";
    static final String SETUP_JAVA = "actions/setup-java@v4";
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern RESULTS_REFERENCE = Pattern.compile("\\$\\{\\{\\s*steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)\\s*}}");

    private ClassroomWorkflow() {}

    /** The workflow's one job. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> workflow) {
        var jobs = (Map<String, Object>) workflow.get("jobs");
        return jobs == null ? Map.of() : (Map<String, Object>) jobs.getOrDefault(JOB, Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> workflow) {
        Object steps = job(workflow).get("steps");
        return steps instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> strings(Object map) {
        var strings = new LinkedHashMap<String, String>();
        if (map instanceof Map<?, ?> entries) {
            ((Map<String, Object>) entries).forEach((key, value) -> strings.put(key, String.valueOf(value)));
        }
        return strings;
    }

    /** Every way the workflow departs from what the actions and GitHub Classroom read; empty when none. */
    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> workflow) {
        var problems = new ArrayList<String>();
        if (!NAME.equals(workflow.get("name"))) {
            problems.add("the workflow is named '" + workflow.get("name") + "', not '" + NAME + "' as GitHub Classroom's are");
        }
        var jobs = workflow.get("jobs") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.<String, Object>of();
        if (!jobs.keySet().equals(java.util.Set.of(JOB))) {
            problems.add("the workflow's jobs are " + jobs.keySet() + ", not the one job " + JOB);
            return problems;
        }
        var job = job(workflow);
        String guard = String.valueOf(job.getOrDefault("if", "true"));
        if (new Expressions(Map.of("github", Map.of("actor", CLASSROOM_BOT)), () -> false).condition(guard)
                || !new Expressions(Map.of("github", Map.of("actor", "a-student")), () -> false).condition(guard)) {
            problems.add("the job's condition (" + guard + ") does not skip exactly " + CLASSROOM_BOT + "'s first commit");
        }
        var steps = steps(workflow);
        checkCourseRepository(job, steps, problems);
        var ids = new HashSet<String>();
        var graders = new ArrayList<String>();
        Map<String, Object> reporter = null;
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            String where = "step " + (i + 1) + (step.containsKey("id") ? " (" + step.get("id") + ")" : "");
            Object id = step.get("id");
            if (id != null && (!STEP_ID.matcher(id.toString()).matches() || !ids.add(id.toString().toLowerCase(java.util.Locale.ROOT)))) {
                problems.add(where + ": its id is not a unique step id");
            }
            Object uses = step.get("uses");
            if (uses == null) {
                if (!step.containsKey("run")) {
                    problems.add(where + " neither runs a command nor uses an action");
                }
                continue;
            }
            var with = strings(step.get("with"));
            switch (uses.toString()) {
                case CHECKOUT, SETUP_JAVA -> { }
                case ClassroomActions.COMMAND_GRADER -> {
                    graders.add(String.valueOf(id));
                    if (id == null || !ClassroomActions.RUNNERS.matcher(id.toString()).matches()) {
                        problems.add(where + ": a command grader's id must be letters and digits only, as the reporter's runners are");
                    }
                    checkInputs(where, with, ClassroomActions.COMMAND_GRADER_INPUTS, ClassroomActions.COMMAND_GRADER_REQUIRED, problems);
                    String timeout = with.getOrDefault("timeout", "");
                    if (!timeout.isEmpty() && (!timeout.matches("\\d+(\\.\\d+)?")
                            || Double.parseDouble(timeout) > ClassroomActions.MAXIMUM_TIMEOUT_MINUTES || Double.parseDouble(timeout) <= 0)) {
                        problems.add(where + ": timeout '" + timeout + "' is not a number of minutes up to 360");
                    }
                    if (!with.getOrDefault("max-score", "").matches("\\d+")) {
                        problems.add(where + ": max-score '" + with.get("max-score") + "' is not a whole number of points");
                    }
                }
                case ClassroomActions.REPORTER -> {
                    if (reporter != null) {
                        problems.add(where + ": a second reporter");
                    }
                    reporter = step;
                    if (i != steps.size() - 1) {
                        problems.add(where + ": the reporter must be the last step, after every grader");
                    }
                    checkInputs(where, with, ClassroomActions.REPORTER_INPUTS, ClassroomActions.REPORTER_REQUIRED, problems);
                }
                default -> problems.add(where + " uses " + uses + ", which the replay does not know");
            }
        }
        if (reporter == null) {
            problems.add("no step uses " + ClassroomActions.REPORTER);
            return problems;
        }
        String runners = strings(reporter.get("with")).getOrDefault("runners", "");
        if (!ClassroomActions.RUNNERS.matcher(runners).matches()) {
            problems.add("the reporter's runners are not a comma-separated list of letters and digits");
        }
        var listed = List.of(runners.split(","));
        if (!listed.equals(graders)) {
            problems.add("the reporter's runners are not the command graders' ids, in order: " + listed.size()
                    + " runners, " + graders.size() + " graders");
        }
        var environment = strings(reporter.get("env"));
        for (String runner : listed) {
            String variable = ClassroomActions.resultsVariable(runner);
            String value = environment.get(variable);
            var reference = value == null ? null : RESULTS_REFERENCE.matcher(value.strip());
            if (reference == null || !reference.matches()) {
                problems.add("the reporter reads " + variable + " for " + runner + ", which its env does not set to "
                        + "${{steps." + runner + ".outputs." + ClassroomActions.COMMAND_GRADER_OUTPUT + "}}");
            } else if (!reference.group(1).equalsIgnoreCase(runner)
                    || !reference.group(2).equals(ClassroomActions.COMMAND_GRADER_OUTPUT)) {
                problems.add(variable + " is " + value + ", not step " + runner + "'s output "
                        + ClassroomActions.COMMAND_GRADER_OUTPUT);
            }
        }
        for (String variable : environment.keySet()) {
            if (listed.stream().map(ClassroomActions::resultsVariable).noneMatch(variable::equals)) {
                problems.add("the reporter's env sets " + variable + ", which no runner's name gives");
            }
        }
        return problems;
    }

    /**
     * The pristine course's checkout names the course: the repository variable COURSE_REPOSITORY
     * when it is set, else at most a fixed template, and never the student's own repository.
     */
    private static void checkCourseRepository(Map<String, Object> job, List<Map<String, Object>> steps, List<String> problems) {
        var courseCheckouts = steps.stream()
                .filter(step -> CHECKOUT.equals(step.get("uses")) && strings(step.get("with")).containsKey("repository"))
                .toList();
        if (courseCheckouts.size() != 1) {
            problems.add("the workflow checks out " + courseCheckouts.size() + " repositories besides the student's, not the one course");
            return;
        }
        String expression = strings(courseCheckouts.get(0).get("with")).get("repository");
        String studentsOwn = "classroom/assignment-a-student";
        for (var vars : List.of(Map.of("COURSE_REPOSITORY", "teacher/the-course"), Map.<String, String>of())) {
            try {
                var env = new LinkedHashMap<String, Object>();
                var contexts = new LinkedHashMap<String, Object>();
                contexts.put("vars", vars);
                contexts.put("github", Map.of("repository", studentsOwn, "actor", "a-student"));
                contexts.put("env", env);
                var expressions = new Expressions(contexts, () -> false);
                strings(job.get("env")).forEach((name, value) -> env.put(name, expressions.interpolate(value)));
                String repository = expressions.interpolate(expression);
                if (!vars.isEmpty() && !repository.equals("teacher/the-course")) {
                    problems.add("with COURSE_REPOSITORY set to teacher/the-course, the course's checkout is '" + repository + "'");
                }
                if (repository.equalsIgnoreCase(studentsOwn)) {
                    problems.add("the course's checkout falls back to the student's own repository");
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add("the course's checkout cannot be evaluated: " + unreadable.getMessage());
            }
        }
    }

    private static void checkInputs(String where, Map<String, String> with, java.util.Set<String> declared,
            java.util.Set<String> required, List<String> problems) {
        for (String name : with.keySet()) {
            if (!declared.contains(name)) {
                problems.add(where + ": input '" + name + "' is not one the action declares " + declared);
            }
        }
        for (String name : required) {
            if (with.getOrDefault(name, "").isBlank()) {
                problems.add(where + ": the required input '" + name + "' is missing");
            }
        }
    }
}
