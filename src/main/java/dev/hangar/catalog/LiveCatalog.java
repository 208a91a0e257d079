package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.UsageClassType;

/** Reads a region's GPU types, their zones and prices from AWS. */
record LiveCatalog(AwsClients aws, Clock clock) {

    /**
     * EC2 has no GPU filter, so the request names the families whose types report GpuInfo (in moto's copy of
     * DescribeInstanceTypes: dl1, every g* from g4ad to g7e with gr6/gr6f, every p* from p3dn to p6-b300), current
     * generation only as below: tens of types sent instead of every type in the region.
     */
    static final List<Filter> ACCELERATED = List.of(
            Filter.builder().name("current-generation").values("true").build(),
            Filter.builder().name("instance-type").values("g*", "p*", "dl*").build());

    public GpuCatalog load(String region) {
        Ec2Client ec2 = aws.ec2(region);
        Map<String, GpuInstanceType> types = new TreeMap<>();
        accelerated(ec2).filter(LiveCatalog::isCurrentGpu).forEach(t -> types.put(t.instanceTypeAsString(), toType(t)));
        Map<String, List<String>> zones = new HashMap<>();
        if (!types.isEmpty()) {
            ec2.describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                            .filters(Filter.builder().name("instance-type").values(types.keySet()).build()))
                    .instanceTypeOfferings()
                    .forEach(o -> zones.computeIfAbsent(o.instanceTypeAsString(), k -> new ArrayList<>()).add(o.location()));
        }
        Map<String, Double> prices = prices(region);
        List<GpuOffer> offers = types.values().stream()
                .filter(t -> zones.containsKey(t.name()))
                .map(t -> withBundledPrice(region, new GpuOffer(t, zones.get(t.name()).stream().sorted().toList(), prices.get(t.name()))))
                .toList();
        return new GpuCatalog(region, clock.instant(), "live", offers);
    }

    /** Every type the filtered request returns, across pages of up to 100 (EC2's most). */
    static Stream<InstanceTypeInfo> accelerated(Ec2Client ec2) {
        return ec2.describeInstanceTypesPaginator(r -> r.filters(ACCELERATED).maxResults(100)).instanceTypes().stream();
    }

    /** The authority on what is listed: the request's filters only make the answer smaller, and a server may ignore them. */
    static boolean isCurrentGpu(InstanceTypeInfo t) {
        return t.gpuInfo() != null && !t.gpuInfo().gpus().isEmpty() && !Boolean.FALSE.equals(t.currentGeneration());
    }

    /**
     * A type the Pricing API gave no price for (no permission, no network, an emulator) takes the bundled list price,
     * saying so: a dated price beats every price shown as "—".
     */
    private static GpuOffer withBundledPrice(String region, GpuOffer offer) {
        if (offer.pricePerHour() != null) {
            return offer;
        }
        CatalogSnapshot snapshot = Bundled.SNAPSHOT;
        return snapshot.price(region, offer.type().name()).map(p -> offer.pricedFrom(p, snapshot.pricesNote())).orElse(offer);
    }

    /** Read once, when first needed. */
    private static final class Bundled {
        static final CatalogSnapshot SNAPSHOT = CatalogSnapshot.bundled();
    }

    /** Prices are a nicety: without Pricing permissions the catalog still lists the types. */
    private Map<String, Double> prices(String region) {
        try {
            return new PriceList(aws).gpuPrices(region);
        } catch (SdkException e) {
            return Map.of();
        }
    }

    private static GpuInstanceType toType(InstanceTypeInfo t) {
        List<GpuDeviceInfo> gpus = t.gpuInfo().gpus();
        int count = gpus.stream().mapToInt(g -> g.count() == null ? 0 : g.count()).sum();
        Integer total = t.gpuInfo().totalGpuMemoryInMiB();
        return new GpuInstanceType(t.instanceTypeAsString(), gpus.get(0).manufacturer(), gpus.get(0).name(), count,
                total == null ? 0 : total, t.vCpuInfo().defaultVCpus(), t.memoryInfo().sizeInMiB(),
                t.processorInfo().supportedArchitecturesAsStrings(), t.supportedUsageClasses().contains(UsageClassType.SPOT));
    }
}
