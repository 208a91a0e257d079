package dev.hangar.catalog;

import dev.hangar.spec.Market;
import java.util.Optional;

/**
 * The Service Quotas code of the vCPU limit that an instance family counts against. AWS groups
 * families into a few quotas, separately for on-demand and spot.
 */
public final class QuotaCodes {

    private QuotaCodes() {
    }

    /** @return the quota code and the quota's name, or empty for a family this table does not know */
    public static Optional<String[]> forFamily(String family, Market market) {
        char first = family.charAt(0);
        boolean spot = market == Market.SPOT;
        if (family.startsWith("dl")) {
            return Optional.of(spot ? new String[] {"L-85EED4F7", "All DL Spot Instance Requests"}
                    : new String[] {"L-6E869C2A", "Running On-Demand DL instances"});
        }
        return switch (first) {
            case 'g', 'v' -> Optional.of(spot ? new String[] {"L-3819A6DF", "All G and VT Spot Instance Requests"}
                    : new String[] {"L-DB2E81BA", "Running On-Demand G and VT instances"});
            case 'p' -> Optional.of(spot ? new String[] {"L-7212CCBC", "All P Spot Instance Requests"}
                    : new String[] {"L-417A185B", "Running On-Demand P instances"});
            case 'f' -> Optional.of(spot ? new String[] {"L-88CF9481", "All F Spot Instance Requests"}
                    : new String[] {"L-74FC7D96", "Running On-Demand F instances"});
            default -> Optional.of(spot ? new String[] {"L-34B43A08", "All Standard Spot Instance Requests"}
                    : new String[] {"L-1216C47A", "Running On-Demand Standard instances"});
        };
    }

    /** Whether two families count against the same quota. */
    public static boolean sameQuota(String familyA, String familyB, Market market) {
        return forFamily(familyA, market).map(a -> a[0]).equals(forFamily(familyB, market).map(b -> b[0]));
    }
}
