package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import java.time.Clock;
import java.util.Optional;

/** The GPU catalog of a region: from the disk cache when fresh, else from AWS (then cached), else the bundled snapshot. */
public final class CatalogService {

    private final Optional<AwsClients> aws;
    private final CatalogCache cache;
    private final Clock clock;

    /** @param aws empty in plan-only mode (no credentials): the snapshot serves */
    public CatalogService(Optional<AwsClients> aws, CatalogCache cache, Clock clock) {
        this.aws = aws;
        this.cache = cache;
        this.clock = clock;
    }

    /** @param refresh true to skip the cache (the wizard's refresh button) */
    public GpuCatalog gpuTypes(String region, boolean refresh) {
        if (!refresh) {
            Optional<GpuCatalog> cached = cache.fresh(region);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        if (aws.isEmpty()) {
            return CatalogSnapshot.bundled().forRegion(region);
        }
        GpuCatalog live = new LiveCatalog(aws.get(), clock).load(region);
        cache.store(live);
        return live;
    }
}
