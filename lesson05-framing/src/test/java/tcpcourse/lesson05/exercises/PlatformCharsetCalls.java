package tcpcourse.lesson05.exercises;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the calls in a compiled class that turn bytes into text, or text into bytes, with the
 * platform's default charset instead of a named one.
 *
 * <p>Such a call gives the right text wherever the default happens to be UTF-8 (as on the
 * machine that grades) and the wrong text elsewhere, so running the code cannot show it; the
 * class file names every method it calls, so reading it can. The class and the classes nested in
 * it (lambdas and anonymous classes too) are read from their class files.
 */
final class PlatformCharsetCalls {

    /** Each call that takes the platform's charset, "owner.name descriptor", and how to say it. */
    private static final Map<String, String> PLATFORM_CHARSET = Map.ofEntries(
            Map.entry("java/lang/String.<init>([B)V", "new String(byte[])"),
            Map.entry("java/lang/String.<init>([BII)V", "new String(byte[], int, int)"),
            Map.entry("java/lang/String.getBytes()[B", "String.getBytes()"),
            Map.entry("java/io/ByteArrayOutputStream.toString()Ljava/lang/String;", "ByteArrayOutputStream.toString()"),
            Map.entry("java/io/InputStreamReader.<init>(Ljava/io/InputStream;)V", "new InputStreamReader(InputStream)"),
            Map.entry("java/util/Scanner.<init>(Ljava/io/InputStream;)V", "new Scanner(InputStream)"),
            Map.entry("java/nio/charset/Charset.defaultCharset()Ljava/nio/charset/Charset;", "Charset.defaultCharset()"));

    private PlatformCharsetCalls() {}

    /** The calls in {@code type}, and in the classes nested in it, that use the platform's charset. */
    static List<String> in(Class<?> type) throws IOException {
        var found = new TreeSet<String>();
        for (Class<?> member : type.getNestMembers()) {
            for (String call : methodsCalledBy(member)) {
                if (PLATFORM_CHARSET.containsKey(call)) {
                    found.add(PLATFORM_CHARSET.get(call));
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** Every method a class file refers to, as "owner.name descriptor", from its constant pool. */
    private static List<String> methodsCalledBy(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        byte[] bytes;
        try (InputStream classFile = type.getResourceAsStream(file)) {
            if (classFile == null) {
                throw new IOException("cannot read the class file of " + type.getName());
            }
            bytes = classFile.readAllBytes();
        }
        var in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.readInt(); // magic
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        var utf8 = new String[count];
        var classNames = new int[count];
        var nameAndTypes = new int[count][];
        var methodRefs = new ArrayList<int[]>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or a double takes two entries
                }
                case 9 -> in.readInt(); // a field
                case 10, 11 -> methodRefs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("unknown constant pool tag " + tag + " in " + type.getName());
            }
        }
        var methods = new ArrayList<String>();
        for (int[] ref : methodRefs) {
            int[] nameAndType = nameAndTypes[ref[1]];
            methods.add(utf8[classNames[ref[0]]] + "." + utf8[nameAndType[0]] + utf8[nameAndType[1]]);
        }
        return methods;
    }
}
