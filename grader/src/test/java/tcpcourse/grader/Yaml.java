package tcpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of YAML that a GitHub Actions workflow written by the grader uses: block
 * mappings and sequences, literal block scalars ({@code |}), flow sequences ({@code [a, b]}),
 * plain, single- and double-quoted scalars, and comments. Every scalar is a string, as GitHub
 * hands a step's inputs to an action. Anything else is an error naming the line.
 */
final class Yaml {

    private final List<String> lines;
    private int next;

    private Yaml(String text) {
        this.lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
    }

    /** The document as maps, lists and strings. */
    static Object parse(String text) {
        var yaml = new Yaml(text);
        yaml.skipEmpty();
        if (yaml.next >= yaml.lines.size()) {
            return new LinkedHashMap<String, Object>();
        }
        Object document = yaml.block(yaml.indent(yaml.next));
        yaml.skipEmpty();
        if (yaml.next < yaml.lines.size()) {
            throw yaml.error("unexpected indentation");
        }
        return document;
    }

    private Object block(int indent) {
        return content(next).startsWith("-") && isItem(content(next)) ? sequence(indent) : mapping(indent);
    }

    private static boolean isItem(String content) {
        return content.equals("-") || content.startsWith("- ");
    }

    private Map<String, Object> mapping(int indent) {
        var map = new LinkedHashMap<String, Object>();
        while (true) {
            skipEmpty();
            if (next >= lines.size() || indent(next) < indent) {
                return map;
            }
            if (indent(next) > indent) {
                throw error("unexpected indentation");
            }
            String content = content(next);
            if (isItem(content)) {
                return map;
            }
            int colon = keyColon(content);
            if (colon < 0) {
                throw error("expected 'key: value'");
            }
            String key = scalar(content.substring(0, colon).strip());
            String rest = content.substring(colon + 1).strip();
            int line = next++;
            if (map.containsKey(key)) {
                next = line;
                throw error("duplicate key '" + key + "'");
            }
            map.put(key, value(rest, indent));
        }
    }

    private Object value(String rest, int indent) {
        if (rest.equals("|") || rest.equals("|-")) {
            return literal(indent, rest.equals("|"));
        }
        if (!rest.isEmpty()) {
            return scalar(rest);
        }
        skipEmpty();
        if (next < lines.size() && indent(next) > indent) {
            return block(indent(next));
        }
        if (next < lines.size() && indent(next) == indent && isItem(content(next))) {
            return sequence(indent);
        }
        return "";
    }

    private List<Object> sequence(int indent) {
        var list = new ArrayList<Object>();
        while (true) {
            skipEmpty();
            if (next >= lines.size() || indent(next) != indent || !isItem(content(next))) {
                return list;
            }
            String raw = lines.get(next);
            String item = content(next).substring(1).strip();
            if (item.isEmpty()) {
                next++;
                skipEmpty();
                list.add(next < lines.size() && indent(next) > indent ? block(indent(next)) : "");
            } else if (keyColon(item) >= 0 && !item.startsWith("\"") && !item.startsWith("'")) {
                // "- key: value": the item is a mapping whose first key stands two columns in.
                int dash = raw.indexOf('-');
                lines.set(next, raw.substring(0, dash) + " " + raw.substring(dash + 1));
                list.add(mapping(indent(next)));
            } else {
                next++;
                list.add(scalar(item));
            }
        }
    }

    private String literal(int indent, boolean keepFinalNewline) {
        var text = new StringBuilder();
        int blockIndent = -1;
        while (next < lines.size()) {
            String raw = lines.get(next);
            if (raw.isBlank()) {
                text.append('\n');
                next++;
                continue;
            }
            int own = leadingSpaces(raw);
            if (own <= indent) {
                break;
            }
            if (blockIndent < 0) {
                blockIndent = own;
            }
            if (own < blockIndent) {
                throw error("a block scalar's line is indented less than its first");
            }
            text.append(raw.substring(blockIndent)).append('\n');
            next++;
        }
        String value = text.toString().replaceAll("\n+$", "");
        return keepFinalNewline && !value.isEmpty() ? value + "\n" : value;
    }

    /** A scalar as written: quoted, a flow sequence's text is left to {@link #flow}, or plain. */
    private String scalar(String text) {
        if (text.startsWith("\"")) {
            var value = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && i + 1 < text.length()) {
                    char escaped = text.charAt(++i);
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> escaped;
                    });
                } else {
                    value.append(c);
                }
            }
            throw error("unclosed double quote");
        }
        if (text.startsWith("'")) {
            var value = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i++;
                    } else {
                        return value.toString();
                    }
                } else {
                    value.append(c);
                }
            }
            throw error("unclosed single quote");
        }
        return text;
    }

    /** The elements of a flow sequence, {@code [a, b]}, or null when the text is not one. */
    static List<String> flow(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) {
            return null;
        }
        var elements = new ArrayList<String>();
        for (String element : text.substring(1, text.length() - 1).split(",")) {
            if (!element.isBlank()) {
                elements.add(element.strip());
            }
        }
        return elements;
    }

    /** The colon that ends a key: followed by a space or the end of the line, outside quotes. */
    private static int keyColon(String content) {
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (i == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** A line without its indentation, its comment and trailing blanks. */
    private String content(int line) {
        String text = lines.get(line).strip();
        if (text.startsWith("#")) {
            return "";
        }
        // The value's own quotes protect a '#'; elsewhere " #" starts a comment.
        int valueStart = 0;
        if (text.startsWith("- ")) {
            valueStart = 2;
        }
        int colon = keyColon(text.substring(valueStart));
        if (colon >= 0) {
            valueStart += colon + 1;
        }
        while (valueStart < text.length() && text.charAt(valueStart) == ' ') {
            valueStart++;
        }
        int from = valueStart;
        if (valueStart < text.length() && (text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\'')) {
            int close = text.indexOf(text.charAt(valueStart), valueStart + 1);
            from = close < 0 ? text.length() : close;
        }
        int comment = text.indexOf(" #", from);
        return (comment < 0 ? text : text.substring(0, comment)).stripTrailing();
    }

    private int indent(int line) {
        return leadingSpaces(lines.get(line));
    }

    private static int leadingSpaces(String raw) {
        int spaces = 0;
        while (spaces < raw.length() && raw.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces < raw.length() && raw.charAt(spaces) == '\t') {
            throw new IllegalArgumentException("a tab in the indentation: YAML allows spaces only");
        }
        return spaces;
    }

    private void skipEmpty() {
        while (next < lines.size() && content(next).isEmpty()) {
            next++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("workflow line " + (next + 1) + ": " + what + ": " + lines.get(next).strip());
    }
}
