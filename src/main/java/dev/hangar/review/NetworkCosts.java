package dev.hangar.review;

import dev.hangar.blueprint.NetworkModel;
import dev.hangar.catalog.NetworkCost;
import dev.hangar.spec.NetworkMode;
import java.util.Map;

/** The catalog's network prices applied to what Hangar's network holds for a mode (the blueprint's truth). */
public final class NetworkCosts {

    private NetworkCosts() {
    }

    /** Null without Hangar's network. A first launch's endpoints serve its own zone: one. */
    public static NetworkCost of(NetworkModel network) {
        return network == null ? null
                : new NetworkCost(network.mode(), network.region(), network.needsNat() ? 1 : 0, network.interfaceServices(), 1);
    }

    /** What a mode would cost in a region, before a spec exists (the wizard's choices); null for public. */
    public static NetworkCost of(NetworkMode mode, String region) {
        return mode == null || mode == NetworkMode.PUBLIC ? null : of(new NetworkModel(mode, region, Map.of()));
    }
}
