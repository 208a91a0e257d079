package dev.hangar.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 quotas (service code "ec2") the fake Service Quotas API serves; moto 5.2.1 knows no EC2
 * quota codes. Values are vCPUs. Reset before every test to the AWS defaults:
 * L-DB2E81BA "Running On-Demand G and VT instances" 64, L-417A185B "Running On-Demand P instances"
 * 192, L-1216C47A "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances" 256, and the
 * Spot equivalents L-3819A6DF 64, L-7212CCBC 192, L-34B43A08 256.
 */
public final class FakeServiceQuotas {

    public static final String G_AND_VT_ON_DEMAND = "L-DB2E81BA";
    public static final String P_ON_DEMAND = "L-417A185B";
    public static final String STANDARD_ON_DEMAND = "L-1216C47A";
    public static final String G_AND_VT_SPOT = "L-3819A6DF";
    public static final String P_SPOT = "L-7212CCBC";
    public static final String STANDARD_SPOT = "L-34B43A08";

    /**
     * @param value        the quota applied to the account
     * @param defaultValue the AWS default (GetAWSDefaultServiceQuota)
     * @param usageClass   the {@code Class} dimension of its AWS/Usage metric, e.g. "G/OnDemand"
     */
    public record Quota(String code, String name, double value, double defaultValue, String usageClass) {}

    private final Map<String, Quota> quotas = new LinkedHashMap<>();

    FakeServiceQuotas() {
        reset();
    }

    /** Changes the applied value of a known quota (e.g. to 0 to make a launch fail preflight). */
    public synchronized FakeServiceQuotas set(String code, double value) {
        Quota q = quota(code).orElseThrow(() -> new IllegalArgumentException("unknown quota " + code + "; use define()"));
        quotas.put(code, new Quota(code, q.name(), value, q.defaultValue(), q.usageClass()));
        return this;
    }

    /** Adds or replaces a quota. */
    public synchronized FakeServiceQuotas define(Quota quota) {
        quotas.put(quota.code(), quota);
        return this;
    }

    /** Forgets a quota: GetServiceQuota then answers NoSuchResourceException for it. */
    public synchronized FakeServiceQuotas remove(String code) {
        quotas.remove(code);
        return this;
    }

    public synchronized Optional<Quota> quota(String code) {
        return Optional.ofNullable(quotas.get(code));
    }

    public synchronized List<Quota> quotas() {
        return new ArrayList<>(quotas.values());
    }

    synchronized void reset() {
        quotas.clear();
        define(new Quota(G_AND_VT_ON_DEMAND, "Running On-Demand G and VT instances", 64, 64, "G/OnDemand"));
        define(new Quota(P_ON_DEMAND, "Running On-Demand P instances", 192, 192, "P/OnDemand"));
        define(new Quota(STANDARD_ON_DEMAND, "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances",
                256, 256, "Standard/OnDemand"));
        define(new Quota(G_AND_VT_SPOT, "All G and VT Spot Instance Requests", 64, 64, "G/Spot"));
        define(new Quota(P_SPOT, "All P Spot Instance Requests", 192, 192, "P/Spot"));
        define(new Quota(STANDARD_SPOT, "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests",
                256, 256, "Standard/Spot"));
    }
}
