package dev.hangar.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-demand Linux prices (USD per hour, shared tenancy) the fake Pricing API serves. Reset
 * before every test to us-east-1: g5.xlarge 1.006, g5.2xlarge 1.212, g6.xlarge 0.8048,
 * p4d.24xlarge 32.7726, p5.48xlarge 98.32. Dedicated tenancy costs {@link #DEDICATED_FACTOR} times
 * as much. Each price is served as the products AWS lists for it: tenancy Shared and Dedicated, and
 * capacitystatus Used, UnusedCapacityReservation and AllocatedCapacityReservation (the last at
 * 0.00), so a client that forgets to filter gets several products, as from AWS.
 */
public final class FakePricing {

    public static final BigDecimal DEDICATED_FACTOR = new BigDecimal("1.1");

    /** One instance type's shared-tenancy on-demand Linux price in one region. */
    public record Price(String regionCode, String instanceType, BigDecimal usdPerHour) {}

    private final Map<String, Price> prices = new LinkedHashMap<>();

    FakePricing() {
        reset();
    }

    /** Sets (or replaces) a shared-tenancy price, e.g. {@code setPrice("us-west-2", "g5.xlarge", "1.006")}. */
    public synchronized FakePricing setPrice(String regionCode, String instanceType, String usdPerHour) {
        prices.put(regionCode + "/" + instanceType, new Price(regionCode, instanceType, new BigDecimal(usdPerHour)));
        return this;
    }

    public synchronized FakePricing removePrice(String regionCode, String instanceType) {
        prices.remove(regionCode + "/" + instanceType);
        return this;
    }

    /** No prices at all: GetProducts answers an empty PriceList. */
    public synchronized FakePricing clear() {
        prices.clear();
        return this;
    }

    public synchronized List<Price> prices() {
        return new ArrayList<>(prices.values());
    }

    synchronized void reset() {
        prices.clear();
        setPrice("us-east-1", "g5.xlarge", "1.006");
        setPrice("us-east-1", "g5.2xlarge", "1.212");
        setPrice("us-east-1", "g6.xlarge", "0.8048");
        setPrice("us-east-1", "p4d.24xlarge", "32.7726");
        setPrice("us-east-1", "p5.48xlarge", "98.32");
    }
}
