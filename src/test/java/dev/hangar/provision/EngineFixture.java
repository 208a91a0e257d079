package dev.hangar.provision;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.steps.StepIds;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;

/** A launcher on the local endpoint, a bucket for the data, and questions about what is left in "AWS". */
final class EngineFixture {

    static final String BUCKET = "research-data";

    final LocalAws aws;
    final Path home;
    final JournalStore journal;
    final Launcher launcher;
    final List<LaunchEvent> events = new CopyOnWriteArrayList<>();

    EngineFixture(LocalAws aws, Path home) {
        this.aws = aws;
        this.home = home;
        this.journal = new JournalStore(home);
        this.launcher = new Launcher(aws.clients(), journal, home, Pacing.fast(), Clock.systemUTC());
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
        aws.endpoint().clearRecord();
    }

    static LaunchSpec.Builder spec() {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket(BUCKET).dataPrefix("train/").tag("project", "nlp");
    }

    LaunchOutcome launch(LaunchSpec spec) throws InterruptedException {
        return launcher.prepare(spec, events::add).run();
    }

    Instance instance(String id) {
        return aws.clients().ec2(LocalAws.REGION).describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    List<Instance> liveInstancesTagged(String launchId) {
        return aws.clients().ec2(LocalAws.REGION).describeInstances(r -> r.filters(tag(launchId))).reservations().stream()
                .flatMap(r -> r.instances().stream()).filter(i -> !i.state().nameAsString().equals("terminated")).toList();
    }

    List<Volume> volumesTagged(String launchId) {
        return aws.clients().ec2(LocalAws.REGION).describeVolumes(r -> r.filters(tag(launchId))).volumes();
    }

    int securityGroupsTagged(String launchId) {
        return aws.clients().ec2(LocalAws.REGION).describeSecurityGroups(r -> r.filters(tag(launchId))).securityGroups().size();
    }

    boolean roleExists(String name) {
        return aws.clients().iam().listRoles().roles().stream().anyMatch(r -> r.roleName().equals(name));
    }

    boolean profileExists(String name) {
        return aws.clients().iam().listInstanceProfiles().instanceProfiles().stream().anyMatch(p -> p.instanceProfileName().equals(name));
    }

    int alarmsNamed(String name) {
        return aws.clients().cloudWatch(LocalAws.REGION).describeAlarms(r -> r.alarmNames(name)).metricAlarms().size();
    }

    /** Nothing of the launch is left that costs money or grants access. */
    void assertNothingLeft(String launchId) {
        String iamName = new LaunchNames(launchId).iamName();
        org.assertj.core.api.Assertions.assertThat(liveInstancesTagged(launchId)).as("instances").isEmpty();
        org.assertj.core.api.Assertions.assertThat(volumesTagged(launchId)).as("volumes").isEmpty();
        org.assertj.core.api.Assertions.assertThat(securityGroupsTagged(launchId)).as("security groups").isZero();
        org.assertj.core.api.Assertions.assertThat(roleExists(iamName)).as("role").isFalse();
        org.assertj.core.api.Assertions.assertThat(profileExists(iamName)).as("instance profile").isFalse();
        org.assertj.core.api.Assertions.assertThat(alarmsNamed(new LaunchNames(launchId).idleAlarmName())).as("alarm").isZero();
        org.assertj.core.api.Assertions.assertThat(Inventory.of(aws.clients(), LocalAws.REGION, launchId).sessionDocuments())
                .as("session documents").isEmpty();
    }

    static Filter tag(String launchId) {
        return Filter.builder().name("tag:" + LaunchTags.LAUNCH_ID).values(launchId).build();
    }

    static final String RUN = StepIds.RUN_INSTANCE;
}
