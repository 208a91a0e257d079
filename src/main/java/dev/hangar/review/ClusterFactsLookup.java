package dev.hangar.review;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.ClusterFacts;
import dev.hangar.blueprint.NetworkModel;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Asks the account what a cluster's configuration depends on ({@link ClusterFacts}): whether the GPU type supports EFA,
 * the image's name, the reservation's type, and the subnet (the private subnet of Hangar's network, or a default subnet
 * for network public). Each answer is asked on its own; one that fails stays unknown and says why in {@code warnings}.
 */
public final class ClusterFactsLookup {

    private ClusterFactsLookup() {
    }

    public static ClusterFacts lookUp(AwsClients aws, Blueprint stack, List<String> warnings) {
        LaunchSpec spec = stack.spec();
        Ec2Client ec2 = aws.ec2(stack.region());
        Boolean efa = ask("whether " + spec.instanceType() + " supports EFA", warnings, () -> ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(spec.instanceType()))
                .instanceTypes().stream().findFirst().map(InstanceTypeInfo::networkInfo).map(n -> n.efaSupported()).orElse(null));
        Image image = ask("image " + spec.amiId(), warnings, () -> ec2.describeImages(r -> r.imageIds(spec.amiId())).images().stream()
                .findFirst().orElse(null));
        String imageName = image == null ? null : image.name();
        String imageOs = imageName == null ? null : new ImageInfo(spec.amiId(), imageName, image.ownerId(), image.architectureAsString(), null, false).os();
        String reservationType = spec.capacityReservationId() == null ? null : ask("reservation " + spec.capacityReservationId(), warnings,
                () -> ec2.describeCapacityReservations(r -> r.capacityReservationIds(spec.capacityReservationId())).capacityReservations()
                        .stream().findFirst().map(c -> c.reservationTypeAsString()).orElse(null));
        String subnet = spec.subnetId() != null ? null : ask("the cluster's subnet", warnings, () -> subnet(ec2, stack));
        if (spec.subnetId() == null && subnet == null && warnings.stream().noneMatch(w -> w.startsWith("the cluster's subnet"))) {
            warnings.add("the cluster's subnet: " + (stack.network() != null
                    ? "Hangar's network in " + stack.region() + " has no " + stack.network().instanceSubnetPart()
                            + (spec.availabilityZone() == null ? "" : " in " + spec.availabilityZone()) + " yet (a launch with network "
                            + stack.network().mode().wireName() + " creates it)"
                    : "the default VPC of " + stack.region() + " has no default subnet" + (spec.availabilityZone() == null ? "" : " in " + spec.availabilityZone())));
        }
        return new ClusterFacts(efa, imageName, imageOs, reservationType, subnet);
    }

    /** The subnet of Hangar's network the cluster belongs in (the spec's zone, else the first zone it has), or a default one. */
    private static String subnet(Ec2Client ec2, Blueprint stack) {
        List<Filter> filters = new ArrayList<>();
        NetworkModel n = stack.network();
        if (n != null) {
            filters.add(Filter.builder().name("tag:" + NetworkModel.TAG).values(stack.region()).build());
            filters.add(Filter.builder().name("tag:" + NetworkModel.PART_TAG).values(n.instanceSubnetPart()).build());
        } else {
            filters.add(Filter.builder().name("default-for-az").values("true").build());
        }
        String zone = stack.spec().availabilityZone();
        return ec2.describeSubnetsPaginator(r -> r.filters(filters)).subnets().stream()
                // Emulators ignore some tag filters: check the tags again.
                .filter(s -> n == null || (tag(s, NetworkModel.TAG, stack.region()) && tag(s, NetworkModel.PART_TAG, n.instanceSubnetPart())))
                .filter(s -> zone == null || zone.equals(s.availabilityZone()))
                .min(Comparator.comparing(Subnet::availabilityZone))
                .map(Subnet::subnetId).orElse(null);
    }

    private static boolean tag(Subnet s, String key, String value) {
        return s.tags().stream().anyMatch(t -> t.key().equals(key) && t.value().equals(value));
    }

    private static <T> T ask(String what, List<String> warnings, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            warnings.add(what + ": " + AwsErrors.brief(e));
            return null;
        }
    }
}
