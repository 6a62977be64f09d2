import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Writes each exercise's task card for the course site from the one place its text lives: the
 * stub's Javadoc. The card has the task in prose, the example, the signatures to write with their
 * contracts, the file, the points (from the points table the grader writes), the main idea, the
 * hint folded away, and the stub's code folded away. No Javadoc markup reaches the page: every
 * kind of Javadoc node is turned into AsciiDoc, and one this program does not know stops it.
 *
 * <p>Usage: {@code java ExerciseCards.java COURSE_FOLDER POINTS_TABLE OUTPUT_FOLDER}. Writes
 * {@code exercise-N.M.adoc} for each exercise and {@code overview.adoc}, the table of them all.
 * Exits 1, naming the stub, when a stub lacks a part of its card or its points.
 */
public final class ExerciseCards {

    private static final Pattern TITLE = Pattern.compile("Exercise (\\d+)\\.(\\d+): (.+?)\\.?");
    private static final Pattern LESSON_FOLDER = Pattern.compile("lesson(\\d+)-.+");

    /**
     * A paragraph of Javadoc: prose already in AsciiDoc, or the content of a {@code <pre>} block,
     * Java code when it is {@code {@code ...}}, console output when it is plain text.
     */
    record Paragraph(String text, boolean code, String language) {

        Paragraph(String text, boolean code) {
            this(text, code, "java");
        }
    }

    /** One row of the points table. */
    record Points(int tests, int testPoints, int allPass, int total) {}

    /** A method the student writes: its signature as the stub declares it, and its contract. */
    record Signature(String declaration, List<Paragraph> contract, List<String> tags) {}

    /** An exercise's card, read from its stub. */
    record Card(String id, String title, String module, String file, List<Paragraph> task, String exampleTitle,
            Paragraph example, String mainIdea, List<Paragraph> hint, List<Signature> signatures, String stubCode) {

        String anchor() {
            return "exercise-" + id.replace('.', '-');
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java ExerciseCards.java COURSE_FOLDER POINTS_TABLE OUTPUT_FOLDER");
            System.exit(1);
        }
        Path course = Path.of(args[0]);
        Map<String, Points> points = readPoints(Path.of(args[1]));
        Path output = Path.of(args[2]);
        Files.createDirectories(output);
        try {
            var cards = new ArrayList<Card>();
            for (Path stub : stubs(course)) {
                cards.add(read(course, stub));
            }
            cards.sort((left, right) -> compareIds(left.id(), right.id()));
            for (Card card : cards) {
                Path page = course.resolve("docs/src/docs/asciidoc").resolve(card.module() + ".adoc");
                String include = "include::{cards}/exercise-" + card.id() + ".adoc[]";
                if (!Files.isRegularFile(page) || !Files.readString(page, UTF_8).contains(include)) {
                    throw new IllegalStateException(card.file() + ": its lesson's page " + course.relativize(page)
                            + " does not show its card (" + include + ")");
                }
                Points of = points.get(card.id());
                if (of == null) {
                    throw new IllegalStateException(card.file() + ": exercise " + card.id()
                            + " has no row in the points table " + args[1]);
                }
                Files.writeString(output.resolve("exercise-" + card.id() + ".adoc"), render(card, of), UTF_8);
            }
            Files.writeString(output.resolve("overview.adoc"), overview(cards, points), UTF_8);
            System.out.println("wrote " + cards.size() + " exercise cards to " + output);
        } catch (IllegalStateException wrong) {
            System.err.println("cannot write the exercise cards: " + wrong.getMessage());
            System.exit(1);
        }
    }

    private static List<Path> stubs(Path course) throws IOException {
        var found = new ArrayList<Path>();
        try (Stream<Path> lessons = Files.list(course)) {
            for (Path lesson : lessons.filter(path -> LESSON_FOLDER.matcher(path.getFileName().toString()).matches())
                    .sorted().toList()) {
                Path exercises = lesson.resolve("src/exercises/java");
                if (Files.isDirectory(exercises)) {
                    try (Stream<Path> files = Files.walk(exercises)) {
                        files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(found::add);
                    }
                }
            }
        }
        return found;
    }

    /** Reads the points table that the grader writes (one row per exercise). */
    static Map<String, Points> readPoints(Path table) throws IOException {
        var row = Pattern.compile("^\\| (\\d+\\.\\d+) \\|.*\\| (\\d+) \\((\\d+)\\) \\| (\\d+) \\| (\\d+)$");
        var points = new TreeMap<String, Points>();
        for (String line : Files.readAllLines(table, UTF_8)) {
            var match = row.matcher(line);
            if (match.matches()) {
                points.put(match.group(1), new Points(Integer.parseInt(match.group(2)), Integer.parseInt(match.group(3)),
                        Integer.parseInt(match.group(4)), Integer.parseInt(match.group(5))));
            }
        }
        if (points.isEmpty()) {
            throw new IOException("no exercise rows in the points table " + table);
        }
        return points;
    }

    private static Card read(Path course, Path stub) throws IOException {
        String source = Files.readString(stub, UTF_8);
        String relative = course.relativize(stub).toString().replace('\\', '/');
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            var javac = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null,
                    files.getJavaFileObjects(stub));
            var docTrees = DocTrees.instance(javac);
            CompilationUnitTree unit = javac.parse().iterator().next();
            var positions = docTrees.getSourcePositions();
            ClassTree type = unit.getTypeDecls().stream().filter(ClassTree.class::isInstance).map(ClassTree.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException(relative + ": no class"));
            TreePath typePath = TreePath.getPath(unit, type);
            DocCommentTree typeDoc = docTrees.getDocCommentTree(typePath);
            if (typeDoc == null) {
                throw new IllegalStateException(relative + ": the exercise's class has no Javadoc");
            }
            var paragraphs = paragraphs(typeDoc.getFullBody(), relative);
            var heading = TITLE.matcher(paragraphs.get(0).text());
            if (!heading.matches()) {
                throw new IllegalStateException(relative + ": its Javadoc does not start \"Exercise N.M: title.\"");
            }
            String id = heading.group(1) + "." + heading.group(2);
            var task = new ArrayList<Paragraph>();
            var hint = new ArrayList<Paragraph>();
            String mainIdea = null;
            String exampleTitle = null;
            Paragraph example = null;
            List<Paragraph> current = task;
            for (int i = 1; i < paragraphs.size(); i++) {
                Paragraph paragraph = paragraphs.get(i);
                if (paragraph.code()) {
                    if (exampleTitle != null && example == null) {
                        example = paragraph;
                        current = task;
                    } else {
                        current.add(paragraph);
                    }
                } else if (paragraph.text().startsWith("Example")) {
                    int colon = paragraph.text().indexOf(':');
                    exampleTitle = paragraph.text().substring(0, colon < 0 ? paragraph.text().length() : colon);
                    String told = colon < 0 ? "" : paragraph.text().substring(colon + 1).strip();
                    if (!told.isEmpty()) {
                        example = new Paragraph(sentence(told), false); // an example in words, not in code
                    }
                } else if (paragraph.text().startsWith("Main idea:")) {
                    mainIdea = paragraph.text().substring("Main idea:".length()).strip();
                    current = task;
                } else if (paragraph.text().startsWith("Hint:")) {
                    hint.add(new Paragraph(sentence(paragraph.text().substring("Hint:".length()).strip()), false));
                    current = hint;
                } else {
                    current.add(paragraph);
                }
            }
            if (mainIdea == null || hint.isEmpty() || example == null || task.isEmpty()) {
                throw new IllegalStateException(relative + ": its Javadoc needs a task, an \"Example:\" with code,"
                        + " a \"Main idea:\" and a \"Hint:\" paragraph");
            }
            var signatures = new ArrayList<Signature>();
            for (var member : type.getMembers()) {
                if (member instanceof MethodTree method && method.getBody() != null
                        && source.substring((int) positions.getStartPosition(unit, method.getBody()),
                                (int) positions.getEndPosition(unit, method.getBody()))
                                .contains("Exercise " + id + ": implement")) {
                    String declaration = source.substring((int) positions.getStartPosition(unit, method),
                            (int) positions.getStartPosition(unit, method.getBody())).strip();
                    DocCommentTree methodDoc = docTrees.getDocCommentTree(TreePath.getPath(unit, method));
                    List<Paragraph> contract = methodDoc == null ? List.of() : paragraphs(methodDoc.getFullBody(), relative);
                    List<String> tags = methodDoc == null ? List.of() : tags(methodDoc.getBlockTags(), relative);
                    signatures.add(new Signature(declaration, contract, tags));
                }
            }
            if (signatures.isEmpty()) {
                throw new IllegalStateException(relative + ": no method throws \"Exercise " + id + ": implement ...\"");
            }
            String module = relative.substring(0, relative.indexOf('/'));
            return new Card(id, heading.group(3), module, relative, task, exampleTitle, example, mainIdea, hint,
                    signatures, withoutJavadoc(source));
        }
    }

    /** Text that followed a label ("Hint: lesson 1's ..."), as a sentence of its own. */
    static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The stub as a student gets it, less its Javadoc (which the card shows) and the docs' tags. */
    static String withoutJavadoc(String source) {
        String code = source.replaceAll("(?s)[ \\t]*/\\*\\*.*?\\*/[ \\t]*\\R", "")
                .replaceAll("(?m)^.*(tag|end)::[\\w-]+\\[\\].*\\R", "");
        return code.replaceAll("(\\R){3,}", "$1$1").strip();
    }

    /** Javadoc's body as paragraphs: {@code <p>} starts one, {@code <pre>} holds code. */
    static List<Paragraph> paragraphs(List<? extends DocTree> body, String where) {
        var paragraphs = new ArrayList<Paragraph>();
        var prose = new StringBuilder();
        boolean inPre = false;
        boolean preIsJava = false;
        var code = new StringBuilder();
        for (DocTree node : body) {
            switch (node.getKind()) {
                case START_ELEMENT -> {
                    String name = ((StartElementTree) node).getName().toString().toLowerCase(Locale.ROOT);
                    switch (name) {
                        case "p" -> flush(prose, paragraphs);
                        case "pre" -> {
                            flush(prose, paragraphs);
                            inPre = true;
                            preIsJava = false;
                        }
                        default -> throw new IllegalStateException(where + ": <" + name + "> is not turned into AsciiDoc");
                    }
                }
                case END_ELEMENT -> {
                    String name = ((EndElementTree) node).getName().toString().toLowerCase(Locale.ROOT);
                    if (name.equals("pre")) {
                        paragraphs.add(new Paragraph(dedent(code.toString()), true, preIsJava ? "java" : "text"));
                        code.setLength(0);
                        inPre = false;
                    } else if (!name.equals("p")) {
                        throw new IllegalStateException(where + ": </" + name + "> is not turned into AsciiDoc");
                    }
                }
                case CODE, LITERAL -> {
                    String text = ((LiteralTree) node).getBody().getBody();
                    if (inPre) {
                        code.append(text);
                        preIsJava = true;
                    } else {
                        prose.append(monospace(text.strip()));
                    }
                }
                case TEXT -> {
                    String text = ((TextTree) node).getBody();
                    if (inPre) {
                        code.append(text);
                    } else {
                        prose.append(escape(text));
                    }
                }
                case LINK, LINK_PLAIN -> {
                    var link = (LinkTree) node;
                    String label = link.getLabel().isEmpty() ? reference(link.getReference().getSignature())
                            : link.getLabel().toString();
                    prose.append(monospace(label));
                }
                case ENTITY -> prose.append('&').append(((EntityTree) node).getName()).append(';');
                default -> throw new IllegalStateException(where + ": Javadoc's " + node.getKind()
                        + " is not turned into AsciiDoc: " + node);
            }
        }
        flush(prose, paragraphs);
        return paragraphs;
    }

    /** {@code @param}, {@code @return} and {@code @throws}, each as one line of prose. */
    static List<String> tags(List<? extends DocTree> blockTags, String where) {
        var lines = new ArrayList<String>();
        for (DocTree tag : blockTags) {
            switch (tag.getKind()) {
                case PARAM -> {
                    var param = (ParamTree) tag;
                    lines.add(monospace(param.getName().toString()) + ": " + inline(param.getDescription(), where));
                }
                case RETURN -> lines.add("Returns " + inline(((ReturnTree) tag).getDescription(), where));
                case THROWS, EXCEPTION -> {
                    var thrown = (ThrowsTree) tag;
                    lines.add("Throws " + monospace(reference(thrown.getExceptionName().getSignature())) + " "
                            + inline(thrown.getDescription(), where));
                }
                default -> throw new IllegalStateException(where + ": @" + tag.getKind() + " is not turned into AsciiDoc");
            }
        }
        return lines;
    }

    private static String inline(List<? extends DocTree> description, String where) {
        var paragraphs = paragraphs(description, where);
        return String.join(" ", paragraphs.stream().map(Paragraph::text).toList());
    }

    /** {@code #connect} as {@code connect}, {@code java.net.ConnectException} as {@code ConnectException}. */
    static String reference(String signature) {
        String member = signature.startsWith("#") ? signature.substring(1) : signature.replace('#', '.');
        return member.replaceAll("^(?:[a-z]\\w*\\.)+(?=[A-Z])", "");
    }

    private static void flush(StringBuilder prose, List<Paragraph> paragraphs) {
        String text = prose.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            paragraphs.add(new Paragraph(text, false));
        }
        prose.setLength(0);
    }

    /** AsciiDoc's literal monospace: nothing inside is formatted or substituted. */
    static String monospace(String code) {
        if (code.contains("+``")) {
            throw new IllegalStateException("code that AsciiDoc's passthrough cannot hold: " + code);
        }
        return "``+" + code + "+``";
    }

    /** Prose with the characters that AsciiDoc would read as markup written as character references. */
    static String escape(String text) {
        var escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("{}*_`#+^~[]<>".indexOf(c) >= 0) {
                escaped.append("&#").append((int) c).append(';');
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String dedent(String code) {
        var lines = new ArrayList<>(code.stripTrailing().lines().toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
    }

    static String render(Card card, Points points) {
        var page = new StringBuilder();
        page.append("// Written by docs/src/build/ExerciseCards.java from ").append(card.file())
                .append(" and the points table: do not edit.\n");
        page.append("[#").append(card.anchor()).append(".exercise]\n");
        page.append("=== Exercise ").append(card.id()).append(": ").append(card.title()).append("\n\n");
        page.append("[.card]\n=====\n");
        page.append("[.card-facts]\n");
        page.append("Main idea:: ").append(card.mainIdea()).append('\n');
        page.append("Points:: ").append(points.total()).append(": ").append(points.testPoints()).append(" for its ")
                .append(points.tests()).append(" grading tests one by one, ").append(points.allPass())
                .append(" more when all of them pass\n");
        page.append("File:: ").append(monospace(card.file())).append("\n\n");
        page.append(".The task\n");
        appendParagraphs(page, card.task());
        page.append('.').append(card.exampleTitle()).append('\n');
        appendParagraphs(page, List.of(card.example()));
        page.append(".What to write\n");
        page.append(card.signatures().size() == 1 ? "This method, in " : "These methods, in ")
                .append(monospace(card.file().substring(card.file().lastIndexOf('/') + 1))).append(":\n\n");
        for (Signature signature : card.signatures()) {
            page.append("[source,java]\n----\n").append(signature.declaration()).append("\n----\n\n");
            appendParagraphs(page, signature.contract());
            for (String tag : signature.tags()) {
                page.append("* ").append(tag).append('\n');
            }
            if (!signature.tags().isEmpty()) {
                page.append('\n');
            }
        }
        page.append(".Hint\n[%collapsible]\n======\n");
        appendParagraphs(page, card.hint());
        page.append("======\n\n");
        page.append(".The stub's code, as you get it (its Javadoc is this card)\n[%collapsible]\n======\n");
        page.append("[source,java]\n----\n").append(card.stubCode()).append("\n----\n======\n");
        page.append("=====\n");
        return page.toString();
    }

    private static void appendParagraphs(StringBuilder page, List<Paragraph> paragraphs) {
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.code()) {
                page.append("[source,").append(paragraph.language()).append("]\n----\n").append(paragraph.text())
                        .append("\n----\n\n");
            } else {
                page.append(paragraph.text()).append("\n\n");
            }
        }
    }

    static String overview(List<Card> cards, Map<String, Points> points) {
        var page = new StringBuilder();
        page.append("// Written by docs/src/build/ExerciseCards.java from the exercises' stubs and the points table:"
                + " do not edit.\n");
        var byLesson = new LinkedHashMap<String, List<Card>>();
        cards.forEach(card -> byLesson.computeIfAbsent(card.module(), module -> new ArrayList<>()).add(card));
        byLesson.forEach((module, lessonCards) -> {
            String lesson = lessonCards.get(0).id().substring(0, lessonCards.get(0).id().indexOf('.'));
            page.append("\n== Lesson ").append(lesson).append("\n\n");
            page.append("[cols=\"1,3,6,1\",options=\"header\"]\n|===\n| Exercise | Task | Main idea | Points\n\n");
            int total = 0;
            for (Card card : lessonCards) {
                int exercisePoints = points.get(card.id()).total();
                total += exercisePoints;
                page.append("| xref:").append(module).append(".adoc#").append(card.anchor()).append('[')
                        .append(card.id()).append("]\n| ").append(card.title()).append("\n| ").append(card.mainIdea())
                        .append("\n| ").append(exercisePoints).append("\n\n");
            }
            page.append("3+| Lesson ").append(lesson).append(" | ").append(total).append("\n|===\n");
        });
        return page.toString();
    }

    static int compareIds(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        int order = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
        return order != 0 ? order : Integer.compare(Integer.parseInt(a[1]), Integer.parseInt(b[1]));
    }
}
