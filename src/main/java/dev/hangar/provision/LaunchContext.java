package dev.hangar.provision;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.aws.AwsClients;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.spec.LaunchSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.iam.IamClient;

/** What every step of one launch shares: the spec, names, tags, clients, journal, events, and what earlier steps found. */
public final class LaunchContext {

    /** A subnet the instance may start in, with its availability zone. */
    public record Placement(String subnetId, String availabilityZone) {
    }

    private final LaunchSpec spec;
    private final LaunchNames names;
    private final LaunchTags tags;
    private final AwsClients aws;
    private final LaunchJournal journal;
    private final LaunchListener listener;
    private final Path home;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Waits waits;

    // Facts found by earlier steps; each is written by one step and read by those that depend on it.
    private volatile String vpcId;
    private volatile List<Subnet> subnets = List.of();
    private volatile java.util.Set<String> offeredZones = java.util.Set.of();
    private volatile List<Placement> placements = List.of();
    private volatile String rootDeviceName;
    private volatile String imageName;
    private volatile String securityGroupId;
    private volatile String instanceId;
    private volatile String availabilityZone;
    private volatile String volumeId;

    public LaunchContext(LaunchSpec spec, LaunchNames names, AwsClients aws, LaunchJournal journal, LaunchListener listener, Path home, Pacing pacing) {
        this.spec = spec;
        this.names = names;
        this.tags = new LaunchTags(names.launchId(), spec);
        this.aws = aws;
        this.journal = journal;
        this.listener = listener;
        this.home = home;
        this.waits = new Waits(pacing, cancelled);
    }

    public LaunchSpec spec() { return spec; }
    public LaunchNames names() { return names; }
    public LaunchTags tags() { return tags; }
    public LaunchJournal journal() { return journal; }
    public Waits waits() { return waits; }
    public Path home() { return home; }
    public AwsClients aws() { return aws; }

    public Ec2Client ec2() { return aws.ec2(spec.region()); }
    public IamClient iam() { return aws.iam(); }
    public CloudWatchClient cloudWatch() { return aws.cloudWatch(spec.region()); }

    /** A listener's own failure (a UI bug) must never break or stall the launch. */
    public void emit(LaunchEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LaunchContext.class).warn("a launch listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    public void waiting(String stepId, String message) { emit(new LaunchEvent.StepWaiting(stepId, message)); }

    public void cancel() { cancelled.set(true); }
    public boolean isCancelled() { return cancelled.get(); }

    public String vpcId() { return vpcId; }
    public void vpcId(String id) { vpcId = id; }
    public List<Subnet> subnets() { return subnets; }
    public void subnets(List<Subnet> s) { subnets = List.copyOf(s); }
    public java.util.Set<String> offeredZones() { return offeredZones; }
    public void offeredZones(java.util.Set<String> zones) { offeredZones = java.util.Set.copyOf(zones); }
    public List<Placement> placements() { return placements; }
    public void placements(List<Placement> p) { placements = List.copyOf(p); }
    public String rootDeviceName() { return rootDeviceName; }
    public void rootDeviceName(String name) { rootDeviceName = name; }
    public String imageName() { return imageName; }
    public void imageName(String name) { imageName = name; }
    public String securityGroupId() { return securityGroupId; }
    public void securityGroupId(String id) { securityGroupId = id; }
    public String instanceId() { return instanceId; }
    public void instanceId(String id) { instanceId = id; }
    public String availabilityZone() { return availabilityZone; }
    public void availabilityZone(String az) { availabilityZone = az; }
    public String volumeId() { return volumeId; }
    public void volumeId(String id) { volumeId = id; }
}
