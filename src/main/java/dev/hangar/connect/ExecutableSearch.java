package dev.hangar.connect;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Finds a program on the PATH of a given environment (not necessarily this process's), as a shell would. */
public final class ExecutableSearch {

    private ExecutableSearch() {
    }

    /**
     * @param env    the environment whose {@code PATH} (and on Windows {@code PATHEXT}) is searched
     * @param osName {@code os.name}: on Windows a name without an extension is tried with each of PATHEXT's
     */
    public static Function<String, Optional<Path>> onPath(Map<String, String> env, String osName) {
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        List<String> extensions = windows ? List.of(env.getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD").split(";")) : List.of("");
        return name -> {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue; // an empty entry means the working directory: never searched for a terminal
                }
                for (String ext : name.contains(".") || !windows ? List.of("") : extensions) {
                    try {
                        Path candidate = Path.of(dir, name + ext.toLowerCase(Locale.ROOT));
                        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                            return Optional.of(candidate);
                        }
                    } catch (InvalidPathException e) {
                        // a PATH entry that is no path on this OS: skip it
                    }
                }
            }
            return Optional.empty();
        };
    }
}
