package tcpcourse.lesson02.exercises;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads, from a class's declared fields, whether another thread is sure to see what they hold.
 *
 * <p>A test cannot make a missing happens-before show: on x86, and in a test as short as these,
 * a plain field read by another thread almost always looks right. What a test can check honestly
 * is the declaration that makes it right: the field is {@code volatile}, or it is {@code final}
 * and holds a {@code java.util.concurrent.atomic} object (or a concurrent collection), or every
 * method that reads or writes the state is {@code synchronized}.
 */
final class SharedFields {

    private SharedFields() {}

    /**
     * The fields of {@code type} that another thread may see stale, each described for a student;
     * empty if every field is safe to share, or every one of {@code methods} is synchronized.
     */
    static List<String> unsafeToShare(Class<?> type, List<String> methods) {
        List<Method> declared = Arrays.stream(type.getDeclaredMethods())
                .filter(method -> methods.contains(method.getName()) && !method.isSynthetic() && !method.isBridge())
                .toList();
        boolean allSynchronized = declared.size() >= methods.size()
                && declared.stream().allMatch(method -> Modifier.isSynchronized(method.getModifiers()));
        if (allSynchronized) {
            return List.of();
        }
        var unsafe = new ArrayList<String>();
        for (Field field : type.getDeclaredFields()) {
            if (field.isSynthetic()) {
                continue;
            }
            int modifiers = field.getModifiers();
            Class<?> kind = field.getType();
            // The atomics, and the concurrent collections beside them, are made to be shared.
            boolean atomic = kind.getPackageName().startsWith("java.util.concurrent")
                    && !kind.getPackageName().equals("java.util.concurrent.locks");
            boolean constant = Modifier.isFinal(modifiers) && (kind.isPrimitive() || kind == String.class);
            String name = "'" + kind.getSimpleName() + " " + field.getName() + "'";
            if (Modifier.isVolatile(modifiers) || constant || (atomic && Modifier.isFinal(modifiers))) {
                continue;
            }
            unsafe.add(atomic
                    ? "field " + name + " is not final: a thread that did not create the listener may see it"
                            + " before it is set; make it final"
                    : "field " + name + " is a plain field, written by the reading thread and read by others,"
                            + " which may never see the change: make it a final " + atomicFor(kind)
                            + " (java.util.concurrent.atomic) or volatile, or make " + String.join(", ", methods)
                            + " all synchronized");
        }
        return unsafe;
    }

    private static String atomicFor(Class<?> kind) {
        if (kind == long.class || kind == Long.class) {
            return "AtomicLong";
        }
        if (kind == int.class || kind == Integer.class) {
            return "AtomicInteger";
        }
        return kind == boolean.class || kind == Boolean.class ? "AtomicBoolean" : "AtomicReference";
    }
}
