package dev.hangar.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hangar.files.AtomicFiles;
import dev.hangar.spec.Show;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The journal on disk: {@code <home>/launches/<launch-id>.json}. Every write is atomic (temp file,
 * fsync, rename) so that after a crash each file is either the old or the new version, whole.
 */
public final class JournalStore {

    /** Jackson is made ready on first use, not by {@link #home}: the desktop app asks for its home before its first frame. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static final java.util.Set<String> KNOWN_RESOURCE_STATES =
            java.util.Set.of(ResourceRecord.INTENDED, ResourceRecord.CREATED, ResourceRecord.DELETED, ResourceRecord.KEPT);

    private final Path launches;

    public JournalStore(Path home) {
        this.launches = home.resolve("launches");
    }

    /** {@code --home}, else {@code HANGAR_HOME}, else {@code ~/.hangar}. */
    public static Path home(Path option, java.util.Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get("HANGAR_HOME");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of(System.getProperty("user.home"), ".hangar");
    }

    public Path directory() {
        return launches;
    }

    public Path fileOf(String launchId) {
        return launches.resolve(launchId + ".json");
    }

    /**
     * Locks a launch for the caller until the lock is closed or the process ends.
     *
     * @throws LaunchBusyException when another process, or another task of this one, holds it
     */
    public LaunchLock lock(String launchId) {
        return LaunchLock.acquire(launches.resolve(launchId + ".lock"), launchId);
    }

    /** Whether some process holds the launch's lock right now (it is launching, resuming or destroying it). */
    public boolean isBusy(String launchId) {
        try (LaunchLock free = lock(launchId)) {
            return false;
        } catch (LaunchBusyException e) {
            return true;
        }
    }

    public boolean exists(String launchId) {
        return Files.exists(fileOf(launchId));
    }

    public synchronized void save(LaunchRecord record) {
        try {
            Files.createDirectories(launches);
            AtomicFiles.write(fileOf(record.launchId()), Json.MAPPER.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal of launch " + record.launchId() + " in " + launches, e);
        }
    }

    /**
     * @throws JournalCorruptException when the file exists but is not a whole, readable journal
     */
    public Optional<LaunchRecord> load(String launchId) {
        Path file = fileOf(launchId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            // The version first: a newer format may fail to map, or map to something else.
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new JournalCorruptException(file, "it is empty or not a JSON object");
            }
            int version = tree.path("formatVersion").asInt(0);
            if (version > LaunchRecord.FORMAT_VERSION) {
                throw new JournalTooNewException(file, version);
            }
            LaunchRecord record = Json.MAPPER.treeToValue(tree, LaunchRecord.class);
            if (record.launchId() == null || !record.launchId().equals(launchId) || record.state() == null || record.spec() == null) {
                throw new JournalCorruptException(file, "it does not name launch " + launchId + " with a state and a spec");
            }
            for (ResourceRecord r : record.resources()) {
                if (r == null || r.type() == null || r.id() == null || r.state() == null || !KNOWN_RESOURCE_STATES.contains(r.state())) {
                    throw new JournalCorruptException(file, "a resource entry lacks its type, ID or a known state: " + r);
                }
            }
            for (StepRecord step : record.steps()) {
                if (step == null || step.id() == null || step.state() == null) {
                    throw new JournalCorruptException(file, "a step entry lacks its ID or state: " + step);
                }
            }
            return Optional.of(record);
        } catch (IOException e) {
            throw new JournalCorruptException(file, e.getClass().getSimpleName() + " " + Show.firstLine(e.getMessage()));
        }
    }

    /** Every launch in the journal, newest first; unreadable files are reported in {@code corrupt}. */
    public List<LaunchRecord> list(List<JournalCorruptException> corrupt) {
        if (!Files.isDirectory(launches)) {
            return List.of();
        }
        List<LaunchRecord> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(launches)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    load(id).ifPresent(all::add);
                } catch (JournalCorruptException e) {
                    corrupt.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal in " + launches, e);
        }
        all.sort(Comparator.comparing(LaunchRecord::createdAt).reversed());
        return all;
    }
}
