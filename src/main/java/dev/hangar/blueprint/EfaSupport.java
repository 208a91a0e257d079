package dev.hangar.blueprint;

import java.util.Set;

/**
 * Which GPU instance types support the Elastic Fabric Adapter when the account cannot be asked (an offline export):
 * every GPU type whose DescribeInstanceTypes answer has {@code NetworkInfo.EfaSupported: true}, as bundled with moto
 * 5.2.1 (AWS's data of 2025). A type missing here that does support EFA only gets EFA off offline; online, the
 * account's answer decides.
 */
public final class EfaSupport {

    static final Set<String> GPU_TYPES = Set.of(
            "g4dn.8xlarge", "g4dn.12xlarge", "g4dn.16xlarge", "g4dn.metal",
            "g5.8xlarge", "g5.12xlarge", "g5.16xlarge", "g5.24xlarge", "g5.48xlarge",
            "g6.8xlarge", "g6.12xlarge", "g6.16xlarge", "g6.24xlarge", "g6.48xlarge", "gr6.8xlarge",
            "g6e.8xlarge", "g6e.12xlarge", "g6e.16xlarge", "g6e.24xlarge", "g6e.48xlarge",
            "g7e.8xlarge", "g7e.12xlarge", "g7e.24xlarge", "g7e.48xlarge",
            "p3dn.24xlarge", "p4d.24xlarge", "p4de.24xlarge",
            "p5.4xlarge", "p5.48xlarge", "p5e.48xlarge", "p5en.48xlarge",
            "p6-b200.48xlarge", "p6-b300.48xlarge");

    private EfaSupport() {
    }

    /** @param known the account's answer, null when it was not asked */
    public static boolean supports(String instanceType, Boolean known) {
        return known != null ? known : GPU_TYPES.contains(instanceType);
    }
}
