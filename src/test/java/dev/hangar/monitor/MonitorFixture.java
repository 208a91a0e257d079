package dev.hangar.monitor;

import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.journal.JournalStore;
import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A launcher, the monitor and the instance actions on the local endpoint, with a bucket for the data. */
public final class MonitorFixture {

    public static final String BUCKET = "research-data";

    public final LocalAws aws;
    public final Path home;
    public final JournalStore journal;
    public final Launcher launcher;
    public final MonitorService monitor;
    public final InstanceActions actions;
    public final List<LaunchEvent> events = new CopyOnWriteArrayList<>();

    public MonitorFixture(LocalAws aws, Path home) {
        this.aws = aws;
        this.home = home;
        this.journal = new JournalStore(home);
        Clock clock = Clock.systemUTC();
        this.launcher = new Launcher(aws.clients(), journal, home, Pacing.fast(), clock);
        this.monitor = new MonitorService(aws.clients(), journal,
                new CatalogService(Optional.of(aws.clients()), new CatalogCache(home, clock), clock), clock);
        this.actions = new InstanceActions(aws.clients(), journal, launcher, Pacing.fast(), clock);
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket(BUCKET));
        aws.endpoint().clearRecord();
    }

    public static LaunchSpec.Builder spec() {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket(BUCKET).dataPrefix("train/").tag("project", "nlp");
    }

    /** Launches through the engine; throws unless it succeeded. */
    public LaunchOutcome launch(LaunchSpec spec) throws InterruptedException {
        LaunchOutcome outcome = launcher.prepare(spec, events::add).run();
        if (!outcome.succeeded()) {
            throw new AssertionError("launch failed: " + outcome.message());
        }
        return outcome;
    }

    public Ec2Client ec2() {
        return aws.clients().ec2(LocalAws.REGION);
    }

    /** An instance started behind Hangar's back, tagged as if a launch (of another machine) had made it. */
    public String untrackedInstance(String launchId) {
        return ec2().runInstances(r -> r.imageId(Fixtures.PYTORCH_UBUNTU_AMI).instanceType("g5.xlarge").minCount(1).maxCount(1)
                        .tagSpecifications(t -> t.resourceType("instance").tags(
                                tg -> tg.key(LaunchTags.LAUNCH_ID).value(launchId), tg -> tg.key(LaunchTags.NAME).value("ghost"))))
                .instances().get(0).instanceId();
    }

    /** One data point of an instance's metric, with the InstanceId dimension alone (as the agent's aggregation sends it). */
    public void put(String namespace, String metric, String instanceId, Instant at, double value) {
        aws.clients().cloudWatch(LocalAws.REGION).putMetricData(r -> r.namespace(namespace).metricData(d -> d.metricName(metric)
                .dimensions(x -> x.name("InstanceId").value(instanceId)).timestamp(at).value(value)
                .unit(metric.startsWith("Network") ? StandardUnit.BYTES : StandardUnit.PERCENT)));
    }
}
