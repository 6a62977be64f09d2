package tcpcourse.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * GitHub Actions expressions ({@code ${{ ... }}}) as the runner evaluates them, for what the
 * grader's workflow uses: context properties ({@code steps.ID.outputs.result}, looked up
 * without regard to case), string literals, {@code ||}, {@code &&}, {@code ==}, {@code !=}
 * (strings compared without regard to case), {@code !}, parentheses, and the status functions
 * {@code success()}, {@code failure()}, {@code always()}, {@code cancelled()}.
 *
 * <p>{@code a || b} is the first operand that is truthy, else the last; null, false, 0 and ""
 * are falsy. A missing property is null, and null in a string is "".
 */
final class Expressions {

    private final Map<String, Object> contexts;
    private final BooleanSupplier jobFailed;
    private List<String> tokens;
    private int position;

    Expressions(Map<String, Object> contexts, BooleanSupplier jobFailed) {
        this.contexts = contexts;
        this.jobFailed = jobFailed;
    }

    /** A string with {@code ${{ }}} in it, each replaced by its value as a string. */
    String interpolate(String template) {
        var result = new StringBuilder();
        int from = 0;
        while (true) {
            int open = template.indexOf("${{", from);
            if (open < 0) {
                return result.append(template.substring(from)).toString();
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("an expression without its closing }}: " + template);
            }
            result.append(template, from, open).append(asString(evaluate(template.substring(open + 3, close))));
            from = close + 2;
        }
    }

    /** An {@code if:} condition: with or without {@code ${{ }}}, and the implied {@code success() &&}. */
    boolean condition(String condition) {
        String expression = condition.strip();
        if (expression.startsWith("${{") && expression.endsWith("}}")) {
            expression = expression.substring(3, expression.length() - 2);
        }
        boolean hasStatusFunction = expression.matches("(?s).*\\b(success|failure|always|cancelled)\\s*\\(.*");
        return truthy(evaluate(expression)) && (hasStatusFunction || !jobFailed.getAsBoolean());
    }

    Object evaluate(String expression) {
        tokens = tokenize(expression);
        position = 0;
        Object value = or();
        if (position != tokens.size()) {
            throw new IllegalArgumentException("cannot read the expression " + expression.strip() + " past "
                    + tokens.get(position));
        }
        return value;
    }

    private Object or() {
        Object left = and();
        while (accept("||")) {
            Object right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private Object and() {
        Object left = equality();
        while (accept("&&")) {
            Object right = equality();
            left = truthy(left) ? right : left;
        }
        return left;
    }

    private Object equality() {
        Object left = unary();
        while (true) {
            if (accept("==")) {
                left = same(left, unary());
            } else if (accept("!=")) {
                left = !same(left, unary());
            } else {
                return left;
            }
        }
    }

    private Object unary() {
        if (accept("!")) {
            return !truthy(unary());
        }
        return primary();
    }

    private Object primary() {
        String token = tokens.get(position++);
        if (token.equals("(")) {
            Object value = or();
            expect(")");
            return value;
        }
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        if (token.matches("-?\\d+(\\.\\d+)?")) {
            return Double.valueOf(token);
        }
        switch (token) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "null": return null;
            default: break;
        }
        if (position < tokens.size() && tokens.get(position).equals("(")) {
            position++;
            expect(")");
            return switch (token) {
                case "success" -> !jobFailed.getAsBoolean();
                case "failure" -> jobFailed.getAsBoolean();
                case "always" -> true;
                case "cancelled" -> false;
                default -> throw new IllegalArgumentException("the replay does not know the function " + token + "()");
            };
        }
        Object value = contexts;
        for (String name : token.split("\\.")) {
            value = property(value, name);
        }
        return value;
    }

    private static Object property(Object object, String name) {
        if (!(object instanceof Map<?, ?> map)) {
            return null;
        }
        for (var entry : map.entrySet()) {
            if (entry.getKey().toString().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equals(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected " + token + " in an expression");
        }
    }

    private static List<String> tokenize(String expression) {
        var tokens = new ArrayList<String>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    end = expression.indexOf('\'', end);
                    if (end < 0) {
                        throw new IllegalArgumentException("an unclosed string in " + expression);
                    }
                    if (end + 1 < expression.length() && expression.charAt(end + 1) == '\'') {
                        end += 2;
                    } else {
                        break;
                    }
                }
                tokens.add(expression.substring(i, end + 1));
                i = end + 1;
            } else if (expression.startsWith("||", i) || expression.startsWith("&&", i)
                    || expression.startsWith("==", i) || expression.startsWith("!=", i)) {
                tokens.add(expression.substring(i, i + 2));
                i += 2;
            } else if (c == '!' || c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(end)) || "._-".indexOf(expression.charAt(end)) >= 0)) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("the replay cannot read '" + c + "' in " + expression);
                }
                tokens.add(expression.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Double number) {
            return number != 0 && !number.isNaN();
        }
        return !value.toString().isEmpty();
    }

    private static boolean same(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof String && right instanceof String) {
            return ((String) left).toLowerCase(Locale.ROOT).equals(((String) right).toLowerCase(Locale.ROOT));
        }
        return asString(left).equalsIgnoreCase(asString(right));
    }

    static String asString(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }
}
