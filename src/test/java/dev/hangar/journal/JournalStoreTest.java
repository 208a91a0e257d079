package dev.hangar.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.spec.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

    @TempDir Path home;

    private final LaunchSpec spec = LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0")
            .instanceType("g5.xlarge").dataBucket("my-datasets").tag("project", "nlp").build();

    private LaunchJournal begin(JournalStore store, String id) {
        return LaunchJournal.begin(store, Clock.systemUTC(), id, spec, List.of("create-role", "run-instance"));
    }

    @Test
    void resourcesAreOnDiskAtOnceAndAStepsSuccessWithTheNextChange() {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000001");
        journal.stepStarted("create-role");
        assertThat(store.load("llama-000001").orElseThrow().steps().get(0).state()).as("a start alone is not saved").isEqualTo(StepState.PENDING);
        journal.intend(ResourceKind.IAM_ROLE, "hangar-llama-000001", "create-role");
        LaunchRecord intended = store.load("llama-000001").orElseThrow();
        assertThat(intended.resources()).extracting(ResourceRecord::state).containsExactly("intended");
        assertThat(intended.steps().get(0).state()).as("saved with the intention").isEqualTo(StepState.RUNNING);

        journal.created(ResourceKind.IAM_ROLE, "hangar-llama-000001", "create-role");
        journal.stepFinished("create-role", StepState.DONE, null);
        LaunchRecord read = store.load("llama-000001").orElseThrow();
        assertThat(read.resources()).extracting(ResourceRecord::state).containsExactly("created");
        assertThat(read.steps().get(0).state()).isEqualTo(StepState.RUNNING);
        assertThat(journal.snapshot().steps().get(0).state()).isEqualTo(StepState.DONE);
        assertThat(read.spec()).isEqualTo(spec);

        journal.state(LaunchState.SUCCEEDED, "done");
        LaunchRecord done = store.load("llama-000001").orElseThrow();
        assertThat(done.state()).isEqualTo(LaunchState.SUCCEEDED);
        assertThat(done.steps().get(0).state()).as("saved with the next change").isEqualTo(StepState.DONE);
    }

    @Test
    void aFailedStepIsOnDiskAtOnce() {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000017");
        journal.stepStarted("create-role");
        journal.stepFinished("create-role", StepState.FAILED, "AccessDenied");
        assertThat(store.load("llama-000017").orElseThrow().steps().get(0).state()).isEqualTo(StepState.FAILED);
    }

    @Test
    void changesFromParallelStepsAreAllOnDiskWhenEachReturns() throws Exception {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000018");
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        List<java.util.concurrent.Future<List<String>>> seen = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String id = "sg-" + t;
                seen.add(pool.submit(() -> {
                    start.await();
                    journal.intend(ResourceKind.SECURITY_GROUP, id, "step-" + id);
                    // When intend returns, this thread's change is on disk, whichever thread saved it.
                    return store.load("llama-000018").orElseThrow().resources().stream().map(ResourceRecord::id).toList();
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertThat(seen.get(t).get()).contains("sg-" + t);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.load("llama-000018").orElseThrow().resources()).hasSize(threads);
    }

    @Test
    void anIntendedIdIsReplacedByTheRealOne() {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000002");
        journal.intend(ResourceKind.INSTANCE, "client-token:llama-000002-us-east-1a", "run-instance");
        journal.created(ResourceKind.INSTANCE, "i-0123456789abcdef0", "run-instance", "client-token:llama-000002-us-east-1a");
        assertThat(store.load("llama-000002").orElseThrow().resources()).extracting(ResourceRecord::id).containsExactly("i-0123456789abcdef0");
    }

    @Test
    void aStepRepeatedAfterACrashFindsTheSameResourceAndKeepsOneRecordOfIt() {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000004");
        journal.intend(ResourceKind.VOLUME, "client-token:llama-000004-data-us-east-1a", "create-data-volume");
        journal.created(ResourceKind.VOLUME, "vol-1", "create-data-volume", "client-token:llama-000004-data-us-east-1a");
        // resumed: the step runs again, with the same ClientToken, and AWS answers the same volume
        journal.intend(ResourceKind.VOLUME, "client-token:llama-000004-data-us-east-1a", "create-data-volume");
        journal.created(ResourceKind.VOLUME, "vol-1", "create-data-volume", "client-token:llama-000004-data-us-east-1a");
        assertThat(store.load("llama-000004").orElseThrow().resources()).extracting(ResourceRecord::id, ResourceRecord::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vol-1", "created"));
        journal.deleted(ResourceKind.VOLUME, "vol-1");
        assertThat(journal.snapshot().liveResourcesNewestFirst()).isEmpty();
    }

    @Test
    void aLaunchIsLockedWhileOneTaskHoldsIt() {
        JournalStore store = new JournalStore(home);
        try (LaunchLock lock = store.lock("llama-000005")) {
            assertThat(store.isBusy("llama-000005")).isTrue();
            assertThatThrownBy(() -> store.lock("llama-000005")).isInstanceOf(LaunchBusyException.class)
                    .hasMessageContaining("another Hangar process");
            assertThat(store.isBusy("llama-000006")).isFalse();
        }
        assertThat(store.isBusy("llama-000005")).isFalse();
        assertThat(store.list(new ArrayList<>())).isEmpty(); // lock files are not journal entries
    }

    @Test
    void aResourceEntryWithoutItsIdIsReportedNotTrusted() throws Exception {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000007");
        journal.created(ResourceKind.IAM_ROLE, "hangar-llama-000007", "create-role");
        Path file = store.fileOf("llama-000007");
        Files.writeString(file, Files.readString(file).replace("\"id\" : \"hangar-llama-000007\"", "\"id\" : null"));
        assertThatThrownBy(() -> store.load("llama-000007")).isInstanceOf(JournalCorruptException.class).hasMessageContaining("resource entry");
    }

    @Test
    void liveResourcesComeNewestFirstAndLeaveOutDeletedOnes() {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000003");
        journal.created(ResourceKind.IAM_ROLE, "r", "create-role");
        journal.created(ResourceKind.SECURITY_GROUP, "sg-1", "create-security-group");
        journal.created(ResourceKind.INSTANCE, "i-1", "run-instance");
        journal.deleted(ResourceKind.SECURITY_GROUP, "sg-1");
        assertThat(journal.snapshot().liveResourcesNewestFirst()).extracting(ResourceRecord::id).containsExactly("i-1", "r");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        JournalStore store = new JournalStore(home);
        LaunchJournal journal = begin(store, "llama-000004");
        for (int i = 0; i < 20; i++) {
            journal.output("k" + i, "v");
        }
        try (var files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("llama-000004.json");
        }
    }

    @Test
    void aFileCutShortIsReportedNotTrusted() throws Exception {
        JournalStore store = new JournalStore(home);
        begin(store, "llama-000005");
        Path file = store.fileOf("llama-000005");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> store.load("llama-000005")).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("llama-000005.json").hasMessageContaining("damaged");

        List<JournalCorruptException> corrupt = new ArrayList<>();
        begin(store, "llama-000006");
        assertThat(store.list(corrupt)).extracting(LaunchRecord::launchId).containsExactly("llama-000006");
        assertThat(corrupt).hasSize(1);
    }

    @Test
    void aFileNamingAnotherLaunchIsReported() throws Exception {
        JournalStore store = new JournalStore(home);
        begin(store, "llama-000007");
        Files.copy(store.fileOf("llama-000007"), store.fileOf("llama-000008"));
        assertThatThrownBy(() -> store.load("llama-000008")).isInstanceOf(JournalCorruptException.class);
    }

    @Test
    void theSameLaunchIdCannotBeginTwice() {
        JournalStore store = new JournalStore(home);
        begin(store, "llama-000009");
        assertThatThrownBy(() -> begin(store, "llama-000009")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void homeComesFromTheOptionThenTheEnvironmentThenTheUsersHome() {
        assertThat(JournalStore.home(Path.of("/x"), java.util.Map.of("HANGAR_HOME", "/y"))).isEqualTo(Path.of("/x"));
        assertThat(JournalStore.home(null, java.util.Map.of("HANGAR_HOME", "/y"))).isEqualTo(Path.of("/y"));
        assertThat(JournalStore.home(null, java.util.Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".hangar"));
    }

    /** Issue 15: a file written by a newer Hangar may mean something else by the same fields: never misread it. */
    @Test
    void aJournalOfANewerFormatIsRefusedNotMisread() throws Exception {
        JournalStore store = new JournalStore(home);
        begin(store, "llama-000031");
        Path file = store.fileOf("llama-000031");
        String newer = Files.readString(file).replaceFirst("\"formatVersion\"\\s*:\\s*\\d+", "\"formatVersion\": " + (LaunchRecord.FORMAT_VERSION + 1));
        assertThat(newer).isNotEqualTo(Files.readString(file));
        Files.writeString(file, newer);

        assertThatThrownBy(() -> store.load("llama-000031")).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("newer Hangar").hasMessageContaining("format version " + (LaunchRecord.FORMAT_VERSION + 1));
        List<JournalCorruptException> corrupt = new ArrayList<>();
        assertThat(store.list(corrupt)).isEmpty();
        assertThat(corrupt).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("newer Hangar"));
    }
}
