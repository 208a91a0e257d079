package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.Inventory;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Issue 15, case 3: {@code sweep} sees the launches of a teammate (another person, with their own creator ARN)
 * and of the caller's other machine (another {@code --home}) as "not in this journal". It must leave them alone:
 * live instances and attached volumes only with {@code --include-live}, another creator's only with
 * {@code --any-creator}, and {@code --delete} only once confirmed.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class SweepSparesTeammatesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAMMATE_ARN = "arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":user/teammate";

    @TempDir Path home;
    @TempDir Path otherHome;
    @TempDir Path teammateHome;
    private LocalAws aws;
    private AwsClients teammateClients;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        // The teammate signs in as an IAM user of the same account, so STS names them, not the caller.
        aws.clients().iam().createUser(u -> u.userName("teammate"));
        AccessKey key = aws.clients().iam().createAccessKey(k -> k.userName("teammate")).accessKey();
        teammateClients = new AwsClients(aws.settings(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
    }

    @AfterEach
    void closeTeammate() {
        teammateClients.close();
    }

    private String launch(AwsClients clients, Path launcherHome, String name) throws InterruptedException {
        LaunchSpec spec = LaunchSpec.builder().name(name).region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket("research-data").build();
        Launcher launcher = new Launcher(clients, new JournalStore(launcherHome), launcherHome, Pacing.fast(), Clock.systemUTC());
        LaunchOutcome o = launcher.prepare(spec, e -> { }).run();
        assertThat(o.succeeded()).as(o.message()).isTrue();
        return o.launchId();
    }

    private Inventory inventory(String launchId) {
        return Inventory.of(aws.clients(), LocalAws.REGION, launchId);
    }

    private InProcessCli.Result sweep(String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--region", LocalAws.REGION));
        args.addAll(List.of(flags));
        return InProcessCli.run(aws.uri(), home, args.toArray(String[]::new));
    }

    @Test
    void aTeammatesLaunchAndOneFromAnotherHomeAreNeverTouched() throws Exception {
        String teammates = launch(teammateClients, teammateHome, "teammate");
        String mineElsewhere = launch(aws.clients(), otherHome, "elsewhere");
        aws.endpoint().clearRecord();

        InProcessCli.Result deleted = sweep("--delete", "--yes");

        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(aws.endpoint().mutatingRequests()).as("nothing is changed").isEmpty();
        assertThat(inventory(teammates).duplicatesOrGaps(false, true)).isEmpty();
        assertThat(inventory(mineElsewhere).duplicatesOrGaps(false, true)).isEmpty();
        assertThat(deleted.out()).contains("CREATOR", "AGE", teammates, mineElsewhere, TEAMMATE_ARN,
                "left alone: live (use --include-live)", "left alone: created by " + TEAMMATE_ARN);
    }

    @Test
    void includeLiveWidensItToTheCallersOwnAndAnyCreatorToEveryone() throws Exception {
        String teammates = launch(teammateClients, teammateHome, "teammate");
        String mineElsewhere = launch(aws.clients(), otherHome, "elsewhere");

        InProcessCli.Result mineOnly = sweep("--delete", "--yes", "--include-live");
        assertThat(mineOnly.exit()).as(mineOnly.toString()).isZero();
        assertThat(inventory(mineElsewhere).leftovers()).isEmpty();
        assertThat(inventory(teammates).duplicatesOrGaps(false, true)).as("another creator's launch").isEmpty();

        InProcessCli.Result everyone = sweep("--delete", "--yes", "--include-live", "--any-creator");
        assertThat(everyone.exit()).as(everyone.toString()).isZero();
        assertThat(inventory(teammates).leftovers()).isEmpty();
    }

    @Test
    void anyCreatorAloneStillSparesWhatIsLive() throws Exception {
        String teammates = launch(teammateClients, teammateHome, "teammate");
        InProcessCli.Result result = sweep("--delete", "--yes", "--any-creator");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(inventory(teammates).duplicatesOrGaps(false, true)).isEmpty();
    }

    @Test
    void deleteWithoutYesAndWithoutATerminalRemovesNothing() throws Exception {
        String volume = leftoverVolumeOfMine();
        aws.endpoint().clearRecord();

        InProcessCli.Result result = sweep("--delete");

        assertThat(result.exit()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("--yes");
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        assertThat(aws.clients().ec2(LocalAws.REGION).describeVolumes(r -> r.volumeIds(volume)).volumes()).hasSize(1);

        InProcessCli.Result confirmed = sweep("--delete", "--yes");
        assertThat(confirmed.exit()).as(confirmed.toString()).isZero();
        assertThat(aws.clients().ec2(LocalAws.REGION).describeVolumes(r -> r.filters(f -> f.name("volume-id").values(volume))).volumes()).isEmpty();
    }

    @Test
    void theListShowsEachResourcesCreatorAndAge() throws Exception {
        leftoverVolumeOfMine();
        launch(teammateClients, teammateHome, "teammate");

        JsonNode result = JSON.readTree(sweep("--json").out());

        String caller = aws.clients().sts(LocalAws.REGION).getCallerIdentity().arn();
        JsonNode removable = result.get("resources");
        assertThat(removable).hasSize(1);
        assertThat(removable.get(0).get("createdBy").asText()).isEqualTo(caller);
        assertThat(removable.get(0).get("createdAt").asText()).isNotBlank();
        JsonNode leftAlone = result.get("leftAlone");
        assertThat(leftAlone.findValuesAsText("createdBy")).containsOnly(TEAMMATE_ARN);
        assertThat(leftAlone.findValuesAsText("kind")).contains("instance", "volume", "iam-role", "alarm");
        assertThat(leftAlone.findValuesAsText("reason")).allMatch(r -> r.contains("--any-creator"));
    }

    /** A data volume of a launch no journal knows, tagged as the caller's: what sweep exists to remove. */
    private String leftoverVolumeOfMine() {
        String caller = aws.clients().sts(LocalAws.REGION).getCallerIdentity().arn();
        List<Tag> tags = List.of(Tag.builder().key(LaunchTags.LAUNCH_ID).value("gone-20261201-abcd").build(),
                Tag.builder().key(LaunchTags.CREATED_BY).value(caller).build());
        return aws.clients().ec2(LocalAws.REGION).createVolume(r -> r.availabilityZone("us-east-1a").size(10)
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME).tags(tags))).volumeId();
    }
}
