package tcpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON both ways, as JavaScript's {@code JSON.parse} and {@code JSON.stringify} treat what the
 * Classroom actions exchange: objects keep their keys' order, numbers are doubles, and a null
 * field is left out when written (as {@code undefined} is).
 */
final class Json {

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException as {@code JSON.parse} throws a SyntaxError */
    static Object parse(String text) {
        var json = new Json(text);
        json.blanks();
        if (json.position >= text.length()) {
            throw new IllegalArgumentException("Unexpected end of JSON input");
        }
        Object value = json.value();
        json.blanks();
        if (json.position != text.length()) {
            throw new IllegalArgumentException("Unexpected token in JSON at position " + json.position);
        }
        return value;
    }

    static String stringify(Object value) {
        var out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                out.append(first ? "" : ",");
                first = false;
                writeString(entry.getKey().toString(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(value.toString(), out);
        }
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }

    private Object value() {
        blanks();
        if (position >= text.length()) {
            throw new IllegalArgumentException("Unexpected end of JSON input");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            default: break;
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, position)) {
                position += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw new IllegalArgumentException("Unexpected token " + c + " in JSON at position " + start);
        }
        return Double.valueOf(text.substring(start, position));
    }

    private Map<String, Object> object() {
        var map = new LinkedHashMap<String, Object>();
        position++;
        blanks();
        if (peek('}')) {
            return map;
        }
        while (true) {
            blanks();
            String key = string();
            blanks();
            expect(':');
            map.put(key, value());
            blanks();
            if (peek('}')) {
                return map;
            }
            expect(',');
        }
    }

    private List<Object> array() {
        var list = new ArrayList<Object>();
        position++;
        blanks();
        if (peek(']')) {
            return list;
        }
        while (true) {
            list.add(value());
            blanks();
            if (peek(']')) {
                return list;
            }
            expect(',');
        }
    }

    private String string() {
        expect('"');
        var value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> value.append(escaped);
            }
        }
        throw new IllegalArgumentException("Unterminated string in JSON");
    }

    private boolean peek(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("Unexpected token in JSON at position " + position + ", expected " + c);
        }
    }

    private void blanks() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
