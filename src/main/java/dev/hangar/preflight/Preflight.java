package dev.hangar.preflight;

import dev.hangar.aws.AwsClients;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.ImageFitsAcceleratorRule;
import dev.hangar.preflight.PreflightCheck.Status;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Show;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Read-only questions asked of AWS before a launch, side by side: may I launch this (DryRun), is
 * the type offered, is there vCPU quota, do the bucket, key pair and image exist and fit (the CPU architecture, and the
 * accelerator's driver). Changes nothing.
 */
public final class Preflight {

    /** The checks in the order they are shown, and what they observed for the security checklist. */
    /** @param callerArn who ran the preflight (and would launch); null when the identity could not be read */
    public record Result(PreflightReport report, AccountFacts facts, String callerArn) {
    }

    private final AwsClients aws;
    private final Clock clock;

    public Preflight(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.clock = clock;
    }

    public Result run(LaunchSpec spec) {
        PreflightFacts facts = new PreflightFacts();
        PreflightChecks checks = new PreflightChecks(aws, spec, facts);
        List<Map.Entry<String, Function<PreflightChecks, PreflightCheck>>> all = new ArrayList<>(List.of(
                Map.entry("identity", PreflightChecks::identity), Map.entry("image", PreflightChecks::image),
                Map.entry(ImageFitsAcceleratorRule.ID, PreflightChecks::imageFitsAccelerator),
                Map.entry("dry-run", PreflightChecks::dryRun), Map.entry("offering", PreflightChecks::offering),
                Map.entry("vcpu-quota", PreflightChecks::vcpuQuota), Map.entry("bucket", PreflightChecks::bucket),
                Map.entry("key-pair", PreflightChecks::keyPair), Map.entry("network", PreflightChecks::network),
                Map.entry("ebs-default-encryption", PreflightChecks::ebsDefaultEncryption)));
        if (spec.permissionsBoundaryArn() != null) {
            all.add(Map.entry("permissions-boundary", PreflightChecks::permissionsBoundary));
        }
        if (spec.access() == Access.SSM) {
            all.add(Map.entry(ConnectPermissions.ID, PreflightChecks::connectPermissions));
        }
        CapacityChecks capacity = new CapacityChecks(aws, spec, facts, clock);
        if (spec.capacityReservationId() != null) {
            all.add(Map.entry(CapacityChecks.RESERVATION, c -> capacity.reservation()));
        }
        if (spec.cluster() != null) {
            all.add(Map.entry(CapacityChecks.EFA, c -> capacity.efa()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(all.size(), r -> {
            Thread t = new Thread(r, "hangar-preflight");
            t.setDaemon(true);
            return t;
        });
        try {
            // Who is asking comes first: the bucket check needs the account to ask S3 for (ExpectedBucketOwner).
            CompletableFuture<PreflightCheck> identity = CompletableFuture.completedFuture(guarded(all.get(0).getKey(), all.get(0).getValue(), checks));
            List<CompletableFuture<PreflightCheck>> running = new ArrayList<>(List.of(identity));
            for (var check : all.subList(1, all.size())) {
                running.add(CompletableFuture.supplyAsync(() -> guarded(check.getKey(), check.getValue(), checks), pool));
            }
            List<PreflightCheck> results = running.stream().map(CompletableFuture::join).toList();
            return new Result(new PreflightReport(facts.accountId(), clock.instant(), results), facts.toAccountFacts(), facts.callerArn);
        } finally {
            pool.shutdown();
        }
    }

    /** A check that fails to ask (network, permissions) is a warning with AWS's reason, never a crash of the whole preflight. */
    private static PreflightCheck guarded(String id, Function<PreflightChecks, PreflightCheck> check, PreflightChecks checks) {
        try {
            return check.apply(checks);
        } catch (SdkException e) {
            return new PreflightCheck(id, id + " could not be checked", Status.WARN, Show.firstLine(e.getMessage()));
        }
    }
}
