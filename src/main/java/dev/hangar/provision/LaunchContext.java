package dev.hangar.provision;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.spec.LaunchSpec;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What every step of one launch shares: the blueprint it executes, the clients, the journal, the events, and
 * the {@link Facts} earlier steps found.
 */
public final class LaunchContext {

    private final Blueprint blueprint;
    private final SdkTags tags;
    private final AwsClients aws;
    private final LaunchJournal journal;
    private final LaunchListener listener;
    private final Path home;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Waits waits;
    private final Facts facts = new Facts();

    public LaunchContext(Blueprint blueprint, AwsClients aws, LaunchJournal journal, LaunchListener listener, Path home, Pacing pacing) {
        this.blueprint = blueprint;
        this.tags = new SdkTags(blueprint.tags());
        this.aws = aws;
        this.journal = journal;
        this.listener = listener;
        this.home = home;
        this.waits = new Waits(pacing, cancelled);
    }

    public Blueprint blueprint() { return blueprint; }
    public LaunchSpec spec() { return blueprint.spec(); }
    public LaunchNames names() { return blueprint.names(); }
    public SdkTags tags() { return tags; }
    public LaunchJournal journal() { return journal; }
    public Waits waits() { return waits; }
    public Path home() { return home; }
    public AwsClients aws() { return aws; }
    public Facts facts() { return facts; }

    public Ec2Client ec2() { return aws.ec2(blueprint.region()); }
    public IamClient iam() { return aws.iam(); }
    public CloudWatchClient cloudWatch() { return aws.cloudWatch(blueprint.region()); }
    public SsmClient ssm() { return aws.ssm(blueprint.region()); }

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
}
