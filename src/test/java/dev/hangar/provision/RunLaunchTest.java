package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.RunSpec;
import dev.hangar.testing.Fault;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * A launch with a run through the real SDK against the local endpoint: the packed code lands at its key before the
 * instance starts, the log group has its tags and retention, and rollback, destroy and sweep remove both, and nothing
 * else in the bucket.
 */
@ExtendWith(LocalAwsExtension.class)
class RunLaunchTest {

    /**
     * What a launch with a local run.code adds: these are the calls the closing note lists. The upload and the group's
     * creation run side by side (either may come first); the retention follows the group.
     */
    static final List<String> ADDED_CALLS = List.of("s3:PutObject", "logs:CreateLogGroup", "logs:PutRetentionPolicy");

    @TempDir Path home;
    @TempDir Path code;
    private EngineFixture f;

    @BeforeEach
    void setUp(LocalAws aws) throws Exception {
        f = new EngineFixture(aws, home);
        Files.writeString(code.resolve("train.py"), "print('training')\n");
        Files.writeString(code.resolve(".gitignore"), "*.ckpt\n");
        Files.writeString(code.resolve("epoch-3.ckpt"), "big");
        // Not Hangar's: another person's data and another launch's archive, under the same prefix.
        var s3 = aws.clients().s3(LocalAws.REGION);
        s3.putObject(r -> r.bucket(EngineFixture.BUCKET).key("train/data.csv"), RequestBody.fromString("a,b\n"));
        s3.putObject(r -> r.bucket(EngineFixture.BUCKET).key("train/hangar/someone-1a2b3c/code.tar.gz"), RequestBody.fromString("x"));
        aws.endpoint().clearRecord();
    }

    private LaunchSpec spec() {
        return EngineFixture.spec().network(NetworkMode.PUBLIC)
                .run(new RunSpec(code.toString(), "pip install -r requirements.txt", "python train.py", Map.of("EPOCHS", "3"), true)).build();
    }

    private List<String> othersObjects() {
        return f.aws.clients().s3(LocalAws.REGION).listObjectsV2(r -> r.bucket(EngineFixture.BUCKET)).contents().stream()
                .map(o -> o.key()).filter(k -> k.equals("train/data.csv") || k.startsWith("train/hangar/someone-")).toList();
    }

    @Test
    void theCodeAndTheLogGroupAreReadyBeforeTheInstanceAndGoWithDestroy() throws Exception {
        LaunchOutcome outcome = f.launch(spec());
        assertThat(outcome.state()).as(outcome.message()).isEqualTo(LaunchState.SUCCEEDED);
        String id = outcome.launchId();
        String key = "train/hangar/" + id + "/code.tar.gz";

        var object = f.aws.clients().s3(LocalAws.REGION).getObjectAsBytes(r -> r.bucket(EngineFixture.BUCKET).key(key));
        assertThat(object.response().metadata()).containsEntry("hangar-launch-id", id);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(object.asByteArray())))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).as(".gitignore leaves the checkpoint out").containsExactly(".gitignore", "train.py");

        Inventory inv = Inventory.of(f.aws.clients(), LocalAws.REGION, id);
        assertThat(inv.runDuplicatesOrGaps(true)).isEmpty();
        LogGroup group = inv.logGroups().get(0);
        assertThat(group.logGroupName()).isEqualTo("/hangar/" + id);
        var logs = f.aws.clients().logs(LocalAws.REGION);
        assertThat(logs.listTagsForResource(r -> r.resourceArn(group.logGroupArn())).tags())
                .containsEntry("hangar:launch-id", id).containsEntry("hangar:name", "llama").containsEntry("project", "nlp")
                .containsKey("hangar:created-by");

        // Uploaded with the caller's credentials and made before RunInstances starts.
        List<String> added = f.aws.endpoint().mutatingRequests().stream().map(r -> r.service() + ":" + r.action())
                .filter(c -> c.startsWith("s3:") || c.startsWith("logs:")).toList();
        assertThat(added).containsExactlyInAnyOrderElementsOf(ADDED_CALLS);
        assertThat(added.indexOf("logs:PutRetentionPolicy")).isGreaterThan(added.indexOf("logs:CreateLogGroup"));
        RecordedRequest run = f.aws.endpoint().requests("ec2", "RunInstances").stream().filter(r -> !r.isDryRun()).findFirst().orElseThrow();
        for (String call : ADDED_CALLS) {
            String[] sa = call.split(":");
            assertThat(f.aws.endpoint().requests(sa[0], sa[1]).get(0).end()).as(call).isBefore(run.start());
        }

        LaunchRecord record = f.journal.load(id).orElseThrow();
        assertThat(record.resources()).extracting(ResourceRecord::type, ResourceRecord::id, ResourceRecord::state)
                .contains(org.assertj.core.groups.Tuple.tuple(ResourceKind.CODE_ARCHIVE, EngineFixture.BUCKET + "|" + key, ResourceRecord.CREATED),
                        org.assertj.core.groups.Tuple.tuple(ResourceKind.LOG_GROUP, "/hangar/" + id, ResourceRecord.CREATED));

        assertThat(f.launcher.destroy(record, false, e -> { }).state()).isEqualTo(LaunchState.DESTROYED);
        assertThat(Inventory.of(f.aws.clients(), LocalAws.REGION, id).leftovers()).isEmpty();
        assertThat(othersObjects()).as("nothing else in the bucket is touched").hasSize(2);
    }

    @Test
    void aFailedLaunchRemovesTheArchiveAndTheLogGroup() throws Exception {
        f.aws.endpoint().inject(Fault.on("ec2", "RunInstances").always().where("DryRun", null)
                .error(400, "Unsupported", "The requested configuration is currently not supported."));
        LaunchOutcome outcome = f.launch(spec());
        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(Inventory.of(f.aws.clients(), LocalAws.REGION, outcome.launchId()).leftovers()).isEmpty();
        assertThat(othersObjects()).hasSize(2);
        assertThat(f.journal.load(outcome.launchId()).orElseThrow().resources())
                .filteredOn(r -> r.type().equals(ResourceKind.LOG_GROUP) || r.type().equals(ResourceKind.CODE_ARCHIVE))
                .hasSize(2).allMatch(r -> r.state().equals(ResourceRecord.DELETED));
    }

    @Test
    void aFolderThatVanishedBeforeTheUploadFailsTheLaunchNamingRunCode() throws Exception {
        LaunchSpec spec = spec();
        Launch launch = f.launcher.prepare(spec, f.events::add);
        Files.walk(code).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        LaunchOutcome outcome = launch.run();
        assertThat(outcome.state()).isEqualTo(LaunchState.ROLLED_BACK);
        assertThat(outcome.message()).contains("run.code").contains("does not exist");
        assertThat(f.aws.endpoint().requests("s3", "PutObject")).isEmpty();
        assertThat(Inventory.of(f.aws.clients(), LocalAws.REGION, outcome.launchId()).leftovers()).isEmpty();
    }

    @Test
    void sweepFindsTheLogGroupOfALaunchNoJournalKnows() throws Exception {
        LaunchOutcome outcome = f.launch(spec().toBuilder().run(new RunSpec(null, null, "nvidia-smi", Map.of(), false)).build());
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        Files.delete(f.journal.fileOf(outcome.launchId()));

        Sweeper sweeper = new Sweeper(f.aws.clients(), f.journal, Pacing.fast());
        Sweeper.Findings found = sweeper.find(List.of(LocalAws.REGION), new Sweeper.Scope(true, false));
        assertThat(found.found()).filteredOn(x -> x.kind().equals(ResourceKind.LOG_GROUP))
                .singleElement().satisfies(g -> {
                    assertThat(g.id()).isEqualTo("/hangar/" + outcome.launchId());
                    assertThat(g.why()).isEqualTo("not in the journal");
                    assertThat(g.detail()).isEqualTo("kept 30 days");
                    assertThat(g.createdAt()).isNotNull();
                });
        assertThat(sweeper.delete(found.found(), e -> { })).isEmpty();
        assertThat(Inventory.of(f.aws.clients(), LocalAws.REGION, outcome.launchId()).leftovers()).isEmpty();
    }
}
