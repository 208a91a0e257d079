package dev.hangar.provision.steps;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchFacts;
import dev.hangar.provision.LaunchFacts.Placement;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.spec.LaunchSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceInterruptionBehavior;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * RunInstances with every security setting of the spec. Waits visibly while IAM propagates the new
 * instance profile (polling with DryRun), and fails over to other zones on InsufficientInstanceCapacity
 * unless the spec pins a zone or subnet.
 */
final class RunInstanceStep extends BaseStep {

    private final boolean reserved;

    RunInstanceStep(LaunchSpec spec, List<String> dependsOn) {
        super(StepIds.RUN_INSTANCE, "Start " + spec.instanceType() + " instance"
                + (spec.capacityReservationId() == null ? "" : " in reservation " + spec.capacityReservationId()), dependsOn);
        this.reserved = spec.capacityReservationId() != null;
    }

    @Override
    public String apply(LaunchContext ctx) throws Exception {
        LaunchSpec spec = ctx.spec();
        List<Placement> candidates = new ArrayList<>(ctx.facts().get(LaunchFacts.PLACEMENTS).candidates());
        List<String> tried = new ArrayList<>();
        while (!candidates.isEmpty()) {
            Placement placement = candidates.remove(0);
            String token = ctx.names().instanceClientToken(placement.availabilityZone());
            String intended = "client-token:" + token;
            ctx.journal().intend(ResourceKind.INSTANCE, intended, id());
            try {
                Instance instance = runWaitingForIam(ctx, request(ctx, placement, token));
                ctx.facts().put(LaunchFacts.INSTANCE, new LaunchFacts.PlacedInstance(instance.instanceId(), placement.availabilityZone()));
                ctx.journal().created(ResourceKind.INSTANCE, instance.instanceId(), id(), intended);
                ctx.journal().output("instanceId", instance.instanceId());
                ctx.journal().output("availabilityZone", placement.availabilityZone());
                return instance.instanceId() + " in " + placement.availabilityZone();
            } catch (Ec2Exception e) {
                if (!AwsErrors.is(e, "InsufficientInstanceCapacity")) {
                    throw e;
                }
                ctx.journal().deleted(ResourceKind.INSTANCE, intended);
                tried.add(placement.availabilityZone());
                if (spec.availabilityZone() != null || spec.subnetId() != null) {
                    throw new StepFailedException(AwsErrors.explain(e, spec));
                }
                preferSuggested(candidates, AwsErrors.suggestedZones(e, placement.availabilityZone()));
                if (!candidates.isEmpty()) {
                    ctx.waiting(id(), "no " + spec.instanceType() + " capacity in " + placement.availabilityZone()
                            + "; trying " + candidates.get(0).availabilityZone());
                }
            }
        }
        throw new StepFailedException("AWS has no " + spec.instanceType() + " capacity in any zone tried (" + String.join(", ", tried)
                + "). Fix: try again later, or another region or instance type");
    }

    @Override
    public boolean restore(LaunchContext ctx, LaunchRecord record) {
        String instanceId = record.output("instanceId");
        String zone = record.output("availabilityZone");
        if (instanceId == null || zone == null) {
            return false;
        }
        ctx.facts().put(LaunchFacts.INSTANCE, new LaunchFacts.PlacedInstance(instanceId, zone));
        return true;
    }

    @Override
    public List<Fact<?>> reads() {
        return reserved ? List.of(LaunchFacts.IMAGE, LaunchFacts.PLACEMENTS, LaunchFacts.SECURITY_GROUP_ID, LaunchFacts.RESERVATION)
                : List.of(LaunchFacts.IMAGE, LaunchFacts.PLACEMENTS, LaunchFacts.SECURITY_GROUP_ID);
    }

    @Override
    public List<Fact<?>> produces() {
        return List.of(LaunchFacts.INSTANCE);
    }

    private static void preferSuggested(List<Placement> candidates, List<String> suggested) {
        candidates.sort((a, b) -> Integer.compare(rank(suggested, a), rank(suggested, b)));
    }

    private static int rank(List<String> suggested, Placement p) {
        int i = suggested.indexOf(p.availabilityZone());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private Instance runWaitingForIam(LaunchContext ctx, RunInstancesRequest request) throws Exception {
        long deadline = System.nanoTime() + ctx.waits().pacing().iamTimeout().toNanos();
        while (true) {
            try {
                return ctx.ec2().runInstances(request).instances().get(0);
            } catch (Ec2Exception e) {
                if (!isIamPropagation(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                // A new instance profile takes seconds to reach EC2; DryRun tells when it has, without starting anything.
                ctx.waiting(id(), "IAM is propagating the new instance profile");
                ctx.waits().steadily("IAM to propagate instance profile " + ctx.names().instanceProfileName(), ctx.waits().pacing().iamTimeout(),
                        () -> dryRunPasses(ctx, request),
                        s -> ctx.waiting(id(), "IAM is propagating the new instance profile (" + s + " s)"));
            }
        }
    }

    private static boolean dryRunPasses(LaunchContext ctx, RunInstancesRequest request) {
        try {
            ctx.ec2().runInstances(request.toBuilder().dryRun(true).build());
            return true; // not an answer AWS gives to a DryRun; take it as "allowed"
        } catch (Ec2Exception e) {
            if (AwsErrors.is(e, "DryRunOperation")) {
                return true;
            }
            if (isIamPropagation(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean isIamPropagation(Ec2Exception e) {
        String message = String.valueOf(e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
        return AwsErrors.is(e, "InvalidParameterValue") && (message.contains("iaminstanceprofile") || message.contains("iam instance profile"));
    }

    /** RunInstances exactly as the blueprint's instance says, in one placement. */
    private static RunInstancesRequest request(LaunchContext ctx, Placement placement, String clientToken) {
        Blueprint blueprint = ctx.blueprint();
        InstanceModel instance = blueprint.instance();
        String rootDevice = ctx.facts().get(LaunchFacts.IMAGE).rootDeviceName();
        RunInstancesRequest.Builder b = RunInstancesRequest.builder()
                .imageId(instance.amiId())
                .instanceType(instance.instanceType())
                .minCount(1).maxCount(1)
                .clientToken(clientToken)
                .iamInstanceProfile(p -> p.name(blueprint.iam().instanceProfileName()))
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder()
                        .deviceIndex(0)
                        .subnetId(placement.subnetId())
                        .groups(ctx.facts().get(LaunchFacts.SECURITY_GROUP_ID))
                        .associatePublicIpAddress(instance.associatePublicIp())
                        .deleteOnTermination(true)
                        .build())
                .placement(p -> p.availabilityZone(placement.availabilityZone()).tenancy(Tenancy.fromValue(instance.tenancy())))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.fromValue(instance.httpTokens()))
                        .httpPutResponseHopLimit(instance.httpPutResponseHopLimit())
                        .httpEndpoint(InstanceMetadataEndpointState.fromValue(instance.httpEndpoint())))
                .monitoring(m -> m.enabled(instance.monitoring()))
                .ebsOptimized(instance.ebsOptimized())
                .blockDeviceMappings(d -> d.deviceName(rootDevice)
                        .ebs(e -> e.volumeSize(instance.rootVolumeGiB()).volumeType(VolumeType.fromValue(instance.rootVolumeType()))
                                .encrypted(instance.rootEncrypted()).deleteOnTermination(instance.rootDeleteOnTermination())))
                .tagSpecifications(ctx.tags().ec2For(ResourceType.INSTANCE), ctx.tags().ec2For(ResourceType.VOLUME),
                        ctx.tags().ec2For(ResourceType.NETWORK_INTERFACE))
                .userData(Base64.getEncoder().encodeToString(instance.userData().getBytes(StandardCharsets.UTF_8)))
                .instanceInitiatedShutdownBehavior(ShutdownBehavior.fromValue(instance.shutdownBehavior()));
        if (blueprint.keyPair() != null) {
            b.keyName(blueprint.keyPair().name());
        }
        if (instance.capacityReservationId() != null) {
            // The target alone: AWS rejects a preference beside it. A Capacity Block is its own market as well.
            b.capacityReservationSpecification(c -> c.capacityReservationTarget(t -> t.capacityReservationId(instance.capacityReservationId())));
            if (ctx.facts().get(LaunchFacts.RESERVATION).capacityBlock()) {
                b.instanceMarketOptions(m -> m.marketType(MarketType.CAPACITY_BLOCK));
            }
        }
        if (instance.spot()) {
            b.instanceMarketOptions(m -> m.marketType(MarketType.SPOT)
                    .spotOptions(s -> s.spotInstanceType(SpotInstanceType.fromValue(InstanceModel.SPOT_INSTANCE_TYPE))
                            .instanceInterruptionBehavior(InstanceInterruptionBehavior.fromValue(InstanceModel.SPOT_INTERRUPTION_BEHAVIOR))));
        }
        return b.build();
    }
}
