package dev.hangar.provision;

import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import dev.hangar.spec.SpecProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * A run's local code folder (spec field {@code run.code}): what of it goes into the code archive, found by a walk that
 * only reads file attributes, so it is checked before any AWS call. Git's own rules decide what {@code .gitignore}
 * files leave out (JGit's {@link IgnoreNode}); {@code .git} never goes; an ignored folder is not even entered.
 *
 * <p>The limit, {@link #MAX_BYTES} of files before compression, keeps the code archive what it is for: code. It is
 * checked on the files' sizes rather than on the packed archive so that it holds before anything is compressed; the
 * archive is never larger (tar and gzip only add headers). 1 GiB uploads in a few minutes on a home uplink and
 * unpacks in seconds at first boot; anything larger is data or checkpoints, which belong in the data bucket
 * (mounted at {@code /mnt/s3}) and in {@code .gitignore}.
 */
public final class CodeFolder {

    public static final String FIELD = "run.code";
    public static final long MAX_BYTES = 1L << 30;
    static final String GITIGNORE = ".gitignore";

    /** One thing to pack, by its path relative to the folder ('/'-separated). */
    record Entry(String path, Path file, Kind kind, long size) {
    }

    enum Kind { FOLDER, FILE, LINK }

    /** What the archive holds: entries in a stable order (parents before children, names sorted). */
    record Contents(Path folder, List<Entry> entries, long bytes) {
        Contents {
            entries = List.copyOf(entries);
        }

        long files() {
            return entries.stream().filter(e -> e.kind() == Kind.FILE).count();
        }
    }

    /** Why a code folder cannot be packed; the message does not name the field (callers do). */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private CodeFolder() {
    }

    /**
     * The spec with a relative local {@code run.code} made absolute against {@code base} (the spec file's folder on the
     * command line, the working folder in the wizard); the spec as it is otherwise. The journal then keeps a path a
     * resumed launch can still find from anywhere.
     */
    public static LaunchSpec resolve(LaunchSpec spec, Path base) {
        RunSpec run = spec.run();
        if (run == null || run.code() == null || run.codeInS3() || run.code().isBlank()) {
            return spec;
        }
        Path code;
        try {
            code = Path.of(run.code());
        } catch (java.nio.file.InvalidPathException e) {
            return spec; // check() reports it by field
        }
        if (code.isAbsolute()) {
            return spec;
        }
        String absolute = base.toAbsolutePath().resolve(code).normalize().toString();
        return spec.toBuilder().run(new RunSpec(absolute, run.setup(), run.command(), run.env(), run.stopWhenDone())).build();
    }

    /**
     * Checks a local {@code run.code}: a readable folder whose packed files stay under {@link #MAX_BYTES}. Reads only
     * file attributes; makes no AWS call. Nothing to check without a run or with code in S3.
     *
     * @throws InvalidSpecException naming {@code run.code}
     */
    public static void check(LaunchSpec spec) {
        RunSpec run = spec.run();
        if (run == null || run.code() == null || run.codeInS3()) {
            return;
        }
        try {
            contents(Path.of(run.code()), MAX_BYTES);
        } catch (Unusable | java.nio.file.InvalidPathException e) {
            throw new InvalidSpecException(List.of(new SpecProblem(FIELD, e.getMessage())));
        }
    }

    /** The entries to pack from {@code folder}. */
    static Contents contents(Path folder, long maxBytes) throws Unusable {
        if (!Files.exists(folder)) {
            throw new Unusable("folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new Unusable(folder + " is not a folder; give the folder that holds your code");
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            throw new Unusable("folder " + folder + " cannot be read (check its permissions)");
        }
        Walk walk = new Walk(folder, maxBytes);
        walk.folder(folder, "");
        return new Contents(folder, walk.entries, walk.bytes);
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** A depth-first walk with the .gitignore rules of every folder on the way down. */
    private static final class Walk {
        private final Path root;
        private final long maxBytes;
        private final List<Entry> entries = new ArrayList<>();
        /** The rules of each folder above the current one, innermost first, with that folder's relative path. */
        private final Deque<Rules> rules = new ArrayDeque<>();
        private long bytes;

        private record Rules(String folder, IgnoreNode node) {
        }

        Walk(Path root, long maxBytes) {
            this.root = root;
            this.maxBytes = maxBytes;
        }

        void folder(Path dir, String rel) throws Unusable {
            List<Path> children;
            try (Stream<Path> listed = Files.list(dir)) {
                children = listed.sorted().toList();
            } catch (IOException e) {
                throw new Unusable("folder " + dir + " cannot be read: " + e.getMessage());
            }
            IgnoreNode node = ignoreRules(dir.resolve(GITIGNORE));
            if (node != null) {
                rules.push(new Rules(rel, node));
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.equals(".git")) {
                    continue; // the repository itself (a folder, or a file in a worktree) is never code to run
                }
                String path = rel.isEmpty() ? name : rel + "/" + name;
                BasicFileAttributes attrs = attributes(child);
                boolean isFolder = attrs.isDirectory();
                if (ignored(path, isFolder)) {
                    continue;
                }
                if (attrs.isSymbolicLink()) {
                    entries.add(new Entry(path, child, Kind.LINK, 0));
                } else if (isFolder) {
                    if (!Files.isReadable(child) || !Files.isExecutable(child)) {
                        throw new Unusable("folder " + child + " cannot be read (check its permissions, or add it to .gitignore)");
                    }
                    entries.add(new Entry(path, child, Kind.FOLDER, 0));
                    folder(child, path);
                } else if (attrs.isRegularFile()) {
                    if (!Files.isReadable(child)) {
                        throw new Unusable("file " + child + " cannot be read (check its permissions, or add it to .gitignore)");
                    }
                    bytes += attrs.size();
                    entries.add(new Entry(path, child, Kind.FILE, attrs.size()));
                    if (bytes > maxBytes) {
                        throw new Unusable("folder " + root + " holds more than " + size(maxBytes) + " of files that .gitignore does not"
                                + " leave out (reached at " + path + ", " + size(attrs.size()) + "); the code archive is for code:"
                                + " keep data and checkpoints in the data bucket (mounted at /mnt/s3) and list them in .gitignore");
                    }
                }
                // sockets, pipes and devices are not code: left out
            }
            if (node != null) {
                rules.pop();
            }
        }

        /** Innermost .gitignore first; the first that has a say decides, as in git. */
        private boolean ignored(String path, boolean isFolder) {
            for (Rules r : rules) {
                String relative = r.folder().isEmpty() ? path : path.substring(r.folder().length() + 1);
                Boolean ignored = r.node().checkIgnored(relative, isFolder);
                if (ignored != null) {
                    return ignored;
                }
            }
            return false;
        }

        private static IgnoreNode ignoreRules(Path file) throws Unusable {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            IgnoreNode node = new IgnoreNode();
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(file.toString(), in);
            } catch (IOException e) {
                throw new Unusable("file " + file + " cannot be read: " + e.getMessage());
            }
            return node;
        }

        private static BasicFileAttributes attributes(Path p) throws Unusable {
            try {
                return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new Unusable(p + " cannot be read: " + e.getMessage());
            }
        }
    }
}
