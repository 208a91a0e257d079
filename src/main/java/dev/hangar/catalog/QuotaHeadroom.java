package dev.hangar.catalog;

import dev.hangar.aws.AwsClients;
import dev.hangar.spec.Market;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/** How many vCPUs each family may still start before it hits its Service Quotas limit. */
public final class QuotaHeadroom {

    /** One quota: its limit and what running instances already use, in vCPUs. */
    public record Headroom(String quotaCode, String quotaName, int limit, int used) {
        public int free() {
            return Math.max(0, limit - used);
        }
    }

    private final AwsClients aws;

    public QuotaHeadroom(AwsClients aws) {
        this.aws = aws;
    }

    /** Families whose quota could not be read (no permission) are left out. */
    public Map<String, Headroom> byFamily(String region, Collection<String> families, Market market) {
        List<Instance> running = aws.ec2(region).describeInstancesPaginator(r -> r.filters(
                        Filter.builder().name("instance-state-name").values("pending", "running").build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).toList();
        Map<String, Headroom> byCode = new HashMap<>();
        Map<String, Headroom> out = new HashMap<>();
        for (String family : families) {
            String[] quota = QuotaCodes.forFamily(family, market).orElse(null);
            if (quota == null) {
                continue;
            }
            Headroom h = byCode.computeIfAbsent(quota[0], code -> read(region, quota, running, family, market));
            if (h != null) {
                out.put(family, h);
            }
        }
        return out;
    }

    private Headroom read(String region, String[] quota, List<Instance> running, String family, Market market) {
        try {
            double limit = aws.serviceQuotas(region).getServiceQuota(r -> r.serviceCode("ec2").quotaCode(quota[0])).quota().value();
            int used = running.stream().filter(i -> QuotaCodes.sameQuota(familyOf(i.instanceTypeAsString()), family, market))
                    .mapToInt(QuotaHeadroom::vcpus).sum();
            return new Headroom(quota[0], quota[1], (int) limit, used);
        } catch (SdkException e) {
            return null;
        }
    }

    private static int vcpus(Instance i) {
        var cpu = i.cpuOptions();
        return cpu == null || cpu.coreCount() == null ? 0 : cpu.coreCount() * (cpu.threadsPerCore() == null ? 1 : cpu.threadsPerCore());
    }

    private static String familyOf(String type) {
        return type.substring(0, type.indexOf('.'));
    }
}
