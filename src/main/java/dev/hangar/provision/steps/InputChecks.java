package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.CapacityReservation;
import dev.hangar.blueprint.ReservationFit;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchFacts;
import dev.hangar.provision.LaunchFacts.Placement;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.spec.LaunchSpec;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Read-only checks that run, side by side, before anything is created: a spec naming an image,
 * bucket, key pair or zone that does not exist fails here with the field named, and no resource exists yet.
 */
final class InputChecks {

    private InputChecks() {
    }

    static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    /** A check creates nothing: a resumed launch runs it again rather than trusting what it found before. */
    abstract static class Check extends BaseStep {
        Check(String id, String title, List<String> dependsOn) {
            super(id, title, dependsOn);
        }

        @Override
        public final boolean readOnly() {
            return true;
        }
    }

    static final class CheckImage extends Check {
        CheckImage(String amiId) {
            super(CHECK_IMAGE, "Check image " + amiId, List.of());
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            LaunchSpec spec = ctx.spec();
            List<Image> images;
            try {
                images = ctx.ec2().describeImages(r -> r.imageIds(spec.amiId())).images();
            } catch (Ec2Exception e) {
                if (!AwsErrors.is(e, "InvalidAMIID.NotFound")) {
                    throw e;
                }
                images = List.of();
            }
            if (images.isEmpty()) {
                throw new StepFailedException("amiId: image " + spec.amiId() + " does not exist in " + spec.region() + " or is not shared with you");
            }
            ctx.facts().put(LaunchFacts.IMAGE, new LaunchFacts.Image(images.get(0).rootDeviceName(), images.get(0).name()));
            return images.get(0).name();
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.IMAGE);
        }
    }

    static final class CheckBucket extends Check {
        CheckBucket(String bucket) {
            super(CHECK_BUCKET, "Check bucket s3://" + bucket, List.of());
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String bucket = ctx.spec().dataBucket();
            String owner = ctx.blueprint().dataBucketAccount();
            try {
                // ExpectedBucketOwner: a same-named bucket of someone else's account answers 403 instead of being used.
                ctx.aws().s3(ctx.spec().region()).headBucket(r -> r.bucket(bucket).expectedBucketOwner(owner));
                return owner == null ? "exists" : "exists, owned by " + owner;
            } catch (NoSuchBucketException e) {
                throw new StepFailedException("dataBucket: bucket " + bucket + " does not exist");
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    throw new StepFailedException("dataBucket: bucket " + bucket + " does not exist");
                }
                if (e.statusCode() == 403) {
                    throw new StepFailedException("dataBucket: s3://" + bucket + " is not " + (owner == null ? "readable"
                            : "a bucket of account " + owner + " that you may read") + ". A bucket shared by another account: set "
                            + "dataBucketOwner to that account's ID (and have its owner let your account in)");
                }
                throw e;
            }
        }
    }

    /** A permissions boundary that does not exist would fail CreateRole; found here, nothing exists yet. */
    static final class CheckPermissionsBoundary extends Check {
        CheckPermissionsBoundary(String arn) {
            super(CHECK_PERMISSIONS_BOUNDARY, "Check permissions boundary " + arn, List.of());
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String arn = ctx.blueprint().iam().permissionsBoundaryArn();
            try {
                ctx.iam().getPolicy(r -> r.policyArn(arn));
                return "exists";
            } catch (AwsServiceException e) {
                if (!AwsErrors.is(e, "NoSuchEntity")) {
                    throw e;
                }
                throw new StepFailedException("permissionsBoundaryArn: policy " + arn + " does not exist");
            }
        }
    }

    static final class CheckKeyPair extends Check {
        private final boolean willCreate;

        CheckKeyPair(String keyName, boolean willCreate) {
            super(CHECK_KEY_PAIR, "Check key pair " + keyName, List.of());
            this.willCreate = willCreate;
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String name = ctx.spec().keyPair();
            List<KeyPairInfo> found;
            try {
                found = ctx.ec2().describeKeyPairs(r -> r.keyNames(name)).keyPairs();
            } catch (AwsServiceException e) {
                if (!AwsErrors.is(e, "InvalidKeyPair.NotFound")) {
                    throw e;
                }
                found = List.of();
            }
            boolean exists = !found.isEmpty();
            if (willCreate && exists && found.stream().flatMap(k -> k.tags().stream())
                    .anyMatch(t -> t.key().equals(LaunchTags.LAUNCH_ID) && t.value().equals(ctx.names().launchId()))) {
                return "created by this launch before it was interrupted"; // a resumed launch
            }
            if (willCreate && exists) {
                throw new StepFailedException("keyPair: a key pair named " + name + " already exists in " + ctx.spec().region()
                        + "; choose another name, or use it with createKeyPair false");
            }
            if (!willCreate && !exists) {
                throw new StepFailedException("keyPair: key pair " + name + " does not exist in " + ctx.spec().region()
                        + "; pick an existing one or set createKeyPair to true");
            }
            return willCreate ? "name is free" : "exists";
        }
    }

    /** The VPC and its subnets: the spec's subnet, or the default subnet of each zone of the default VPC. */
    static final class ResolveNetwork extends Check {
        ResolveNetwork() {
            super(RESOLVE_NETWORK, "Find the network", List.of());
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            LaunchSpec spec = ctx.spec();
            Ec2Client ec2 = ctx.ec2();
            List<Subnet> subnets;
            if (spec.subnetId() != null) {
                try {
                    subnets = ec2.describeSubnets(r -> r.subnetIds(spec.subnetId())).subnets();
                } catch (Ec2Exception e) {
                    if (!AwsErrors.is(e, "InvalidSubnetID.NotFound")) {
                        throw e;
                    }
                    subnets = List.of();
                }
                if (subnets.isEmpty()) {
                    throw new StepFailedException("subnetId: subnet " + spec.subnetId() + " does not exist in " + spec.region());
                }
            } else {
                // Default subnets exist only in the default VPC: one call finds both.
                subnets = ec2.describeSubnets(r -> r.filters(filter("default-for-az", "true"))).subnets();
                if (subnets.isEmpty()) {
                    throw new StepFailedException("subnetId: " + spec.region() + " has no default VPC; set subnetId to a subnet of yours");
                }
            }
            ctx.facts().put(LaunchFacts.NETWORK, new LaunchFacts.Network(subnets.get(0).vpcId(), subnets));
            ctx.facts().put(LaunchFacts.VPC_ID, subnets.get(0).vpcId());
            return subnets.get(0).vpcId();
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.NETWORK, LaunchFacts.VPC_ID);
        }
    }

    /**
     * The reservation must take the instance now (the judgement preflight shows); its zone becomes the only zone the
     * launch tries, since a reservation holds capacity in one zone.
     */
    static final class CheckCapacityReservation extends Check {
        CheckCapacityReservation(String reservationId) {
            super(CHECK_CAPACITY_RESERVATION, "Check capacity reservation " + reservationId, List.of());
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            LaunchSpec spec = ctx.spec();
            CapacityReservation found = CapacityReservation.find(ctx.ec2(), spec.capacityReservationId()).orElse(null);
            ReservationFit fit = ReservationFit.judge(spec, found, 1, Instant.now());
            if (fit.verdict() != ReservationFit.Verdict.FITS) {
                throw new StepFailedException(fit.detail());
            }
            ctx.facts().put(LaunchFacts.RESERVATION, found);
            return fit.detail();
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.RESERVATION);
        }
    }

    static final class CheckOffering extends Check {
        private final boolean reserved;

        /** @param reserved the spec names a capacity reservation: only its zone is offered to this launch */
        CheckOffering(String instanceType, boolean reserved) {
            super(CHECK_OFFERING, "Check where " + instanceType + " is offered", reserved ? List.of(CHECK_CAPACITY_RESERVATION) : List.of());
            this.reserved = reserved;
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            LaunchSpec spec = ctx.spec();
            Set<String> offered = ctx.ec2().describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                            .filters(filter("instance-type", spec.instanceType())))
                    .instanceTypeOfferings().stream().map(o -> o.location()).collect(Collectors.toSet());
            if (offered.isEmpty()) {
                throw new StepFailedException("instanceType: " + spec.instanceType() + " is not offered in " + spec.region());
            }
            if (reserved) {
                String zone = ctx.facts().get(LaunchFacts.RESERVATION).availabilityZone();
                if (!offered.contains(zone)) {
                    throw new StepFailedException("capacityReservationId: the reservation is in " + zone + ", where "
                            + spec.instanceType() + " is not offered");
                }
                offered = Set.of(zone);
            }
            ctx.facts().put(LaunchFacts.OFFERED_ZONES, new LaunchFacts.OfferedZones(offered));
            return offered.stream().sorted().collect(Collectors.joining(", "));
        }

        @Override
        public List<Fact<?>> reads() {
            return reserved ? List.of(LaunchFacts.RESERVATION) : List.of();
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.OFFERED_ZONES);
        }
    }

    /** Where the instance may start: subnets in zones that offer the type (and the spec's zone, if it pins one). No call. */
    static final class ChoosePlacement extends Check {
        ChoosePlacement() {
            super(CHOOSE_PLACEMENT, "Choose the zones to try", List.of(RESOLVE_NETWORK, CHECK_OFFERING));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            LaunchSpec spec = ctx.spec();
            Set<String> offered = ctx.facts().get(LaunchFacts.OFFERED_ZONES).zones();
            List<Placement> placements = ctx.facts().get(LaunchFacts.NETWORK).subnets().stream()
                    .filter(s -> spec.availabilityZone() == null || s.availabilityZone().equals(spec.availabilityZone()))
                    .filter(s -> offered.contains(s.availabilityZone()))
                    .sorted(Comparator.comparing(Subnet::availabilityZone))
                    .map(s -> new Placement(s.subnetId(), s.availabilityZone()))
                    .toList();
            if (placements.isEmpty()) {
                String field = spec.subnetId() != null ? "subnetId" : spec.availabilityZone() != null ? "availabilityZone" : "instanceType";
                String where = spec.subnetId() != null ? "subnet " + spec.subnetId()
                        : spec.availabilityZone() != null ? "zone " + spec.availabilityZone() : "any zone with a default subnet";
                throw new StepFailedException(field + ": " + spec.instanceType() + " is not offered in " + where
                        + "; it is offered in " + offered.stream().sorted().collect(Collectors.joining(", ")));
            }
            ctx.facts().put(LaunchFacts.PLACEMENTS, new LaunchFacts.Placements(placements));
            return placements.stream().map(Placement::availabilityZone).collect(Collectors.joining(", "));
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.NETWORK, LaunchFacts.OFFERED_ZONES);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.PLACEMENTS);
        }
    }
}
