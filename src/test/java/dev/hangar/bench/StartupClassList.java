package dev.hangar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a GUI run's {@code -Xlog:class+load} into the app's {@code startup-classes.txt}: the classes the
 * installer preloads into its class-data archive (see {@code dev.hangar.app.ClassPreload}). Kept: classes
 * from the app's jars and JDK classes outside the JDK's own archive, in load order. Left out: generated
 * classes (lambdas, proxies), which an archive records by itself, and what only the benchmark loads.
 * Regenerate with {@code mvn -B -Pbench verify -Dit.test=GuiBench -Dbench.updateClassList=true}.
 */
final class StartupClassList {

    static final Path IN_SOURCES = Path.of("src/main/resources/dev/hangar/app/startup-classes.txt");
    private static final Pattern LINE = Pattern.compile("\\[class,load\\] (\\S+) source: (.+)$");

    private StartupClassList() {
    }

    static Set<String> fromLog(Path log) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            if (m.find() && keep(m.group(1), m.group(2))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean keep(String name, String source) {
        boolean generated = name.contains("$$Lambda") || name.contains("/0x") || name.startsWith("jdk.internal.reflect.Generated")
                || name.startsWith("jdk.proxy") || name.startsWith("com.sun.proxy");
        // From a jar, a JDK module, or the app's own archive ("(top)"); not from the JDK's base archive.
        boolean fromAppOrJdk = source.startsWith("jrt:/") || source.startsWith("file:") && source.endsWith(".jar")
                || source.equals("shared objects file (top)");
        // The benchmark's own: its classes, Monocle, and the JDK's management API it reads pulses and memory with.
        boolean ours = name.startsWith("dev.hangar.bench.") || name.startsWith("com.sun.glass.ui.monocle.")
                || name.matches("(java\\.lang|javax|sun|com\\.sun|jdk)\\.management\\..*");
        return !generated && fromAppOrJdk && !ours;
    }

    static void write(Set<String> names, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.writeString(to, String.join("\n", names) + "\n");
    }
}
