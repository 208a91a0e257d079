package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The regions to choose from with the number of GPU types in each. Counting live would take a call per
 * region, so counts come from the disk cache where fresh, else from the bundled snapshot.
 */
public final class RegionCatalog {

    private final Optional<AwsClients> aws;
    private final String accountId;
    private final CatalogCache cache;

    /**
     * @param aws       empty in plan-only mode: the bundled snapshot's regions
     * @param accountId whose enabled regions are listed (and cached); null in plan-only mode
     */
    public RegionCatalog(Optional<AwsClients> aws, String accountId, CatalogCache cache) {
        this.aws = aws;
        this.accountId = accountId;
        this.cache = cache;
    }

    /** @param home the region whose endpoint lists the others (any enabled region) */
    public List<RegionSummary> regions(String home) {
        CatalogSnapshot snapshot = CatalogSnapshot.bundled();
        List<String> names = aws.map(a -> enabledRegions(a, home)).orElseGet(snapshot::regions);
        List<RegionSummary> out = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            Optional<GpuCatalog> cached = cache.fresh(name);
            if (cached.isEmpty() && !snapshot.regions().contains(name)) {
                out.add(new RegionSummary(name, RegionSummary.UNKNOWN, "unknown"));
                continue;
            }
            GpuCatalog catalog = cached.orElseGet(() -> snapshot.forRegion(name));
            out.add(new RegionSummary(name, catalog.offers().size(), catalog.source()));
        }
        return out;
    }

    private List<String> enabledRegions(AwsClients clients, String home) {
        Optional<List<String>> cached = accountId == null ? Optional.empty() : cache.freshRegions(accountId);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<String> live = clients.ec2(home).describeRegions(r -> { }).regions().stream().map(Region::regionName).toList();
        if (accountId != null) {
            cache.storeRegions(accountId, live);
        }
        return live;
    }
}
