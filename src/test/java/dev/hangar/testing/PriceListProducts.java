package dev.hangar.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds EC2 products in the AWS Price List's real shape: {@code product.attributes.*} and
 * {@code terms.OnDemand.<sku>.<offerTermCode>.priceDimensions.<rateCode>.pricePerUnit.USD} with
 * unit "Hrs". Each product is a flat attribute map (for filtering) plus its JSON document.
 */
final class PriceListProducts {

    /** The offer term code AWS uses for every on-demand price. */
    static final String ON_DEMAND_OFFER = "JRTCKXETXF";
    private static final String HOURLY_RATE = "6YS6EN2CT7";

    record Product(Map<String, String> attributes, String document) {}

    private record Specs(String vcpu, String memory, String gpu, String gpuMemory, String processor) {}

    /** Hardware attributes of the default price table's types; other types are listed without them. */
    private static final Map<String, Specs> SPECS = Map.of(
            "g5.xlarge", new Specs("4", "16 GiB", "1", "24 GB", "AMD EPYC 7R32"),
            "g5.2xlarge", new Specs("8", "32 GiB", "1", "24 GB", "AMD EPYC 7R32"),
            "g6.xlarge", new Specs("4", "16 GiB", "1", "24 GB", "AMD EPYC 7R13"),
            "p4d.24xlarge", new Specs("96", "1152 GiB", "8", "320 GB", "Intel Xeon Platinum 8275L"),
            "p5.48xlarge", new Specs("192", "2048 GiB", "8", "640 GB", "AMD EPYC 7R13"));

    /** Region codes to the "location" names the Price List uses. */
    static final Map<String, String> LOCATIONS = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("ca-central-1", "Canada (Central)"), Map.entry("eu-west-1", "EU (Ireland)"),
            Map.entry("eu-west-2", "EU (London)"), Map.entry("eu-central-1", "EU (Frankfurt)"),
            Map.entry("eu-north-1", "EU (Stockholm)"), Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
            Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"), Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
            Map.entry("ap-south-1", "Asia Pacific (Mumbai)"), Map.entry("sa-east-1", "South America (Sao Paulo)"));

    private PriceListProducts() {}

    static List<Product> of(FakePricing.Price price) {
        List<Product> products = new ArrayList<>();
        for (String tenancy : List.of("Shared", "Dedicated")) {
            BigDecimal hourly = "Dedicated".equals(tenancy)
                    ? price.usdPerHour().multiply(FakePricing.DEDICATED_FACTOR) : price.usdPerHour();
            for (String capacity : List.of("Used", "UnusedCapacityReservation", "AllocatedCapacityReservation")) {
                BigDecimal usd = "AllocatedCapacityReservation".equals(capacity) ? BigDecimal.ZERO : hourly;
                products.add(product(price, tenancy, capacity, usd));
            }
        }
        return products;
    }

    private static Product product(FakePricing.Price price, String tenancy, String capacity, BigDecimal usd) {
        String type = price.instanceType();
        String sku = sku(price.regionCode() + type + tenancy + capacity);
        String usageType = ("Dedicated".equals(tenancy) ? "DedicatedUsage:" : "BoxUsage:") + type;
        ObjectNode attributes = Json.object()
                .put("servicecode", "AmazonEC2")
                .put("servicename", "Amazon Elastic Compute Cloud")
                .put("location", LOCATIONS.getOrDefault(price.regionCode(), price.regionCode()))
                .put("locationType", "AWS Region")
                .put("regionCode", price.regionCode())
                .put("instanceType", type)
                .put("instanceFamily", "GPU instance")
                .put("operatingSystem", "Linux")
                .put("licenseModel", "No License required")
                .put("preInstalledSw", "NA")
                .put("tenancy", tenancy)
                .put("capacitystatus", capacity)
                .put("usagetype", usageType)
                .put("operation", "RunInstances")
                .put("marketoption", "OnDemand");
        Specs specs = SPECS.get(type);
        if (specs != null) {
            attributes.put("vcpu", specs.vcpu()).put("memory", specs.memory()).put("gpu", specs.gpu())
                    .put("gpuMemory", specs.gpuMemory()).put("physicalProcessor", specs.processor());
        }
        String rateCode = sku + "." + ON_DEMAND_OFFER + "." + HOURLY_RATE;
        String amount = usd.setScale(10, RoundingMode.HALF_UP).toPlainString();
        ObjectNode dimension = Json.object()
                .put("unit", "Hrs")
                .put("endRange", "Inf")
                .put("description", "$" + usd.stripTrailingZeros().toPlainString() + " per On Demand Linux " + type
                        + ("Dedicated".equals(tenancy) ? " Dedicated" : "") + " Instance Hour")
                .put("rateCode", rateCode)
                .put("beginRange", "0");
        dimension.putArray("appliesTo");
        dimension.putObject("pricePerUnit").put("USD", amount);
        ObjectNode term = Json.object()
                .put("offerTermCode", ON_DEMAND_OFFER)
                .put("sku", sku)
                .put("effectiveDate", "2025-11-01T00:00:00Z");
        term.putObject("priceDimensions").set(rateCode, dimension);
        term.putObject("termAttributes");
        ObjectNode doc = Json.object();
        ObjectNode product = doc.putObject("product").put("productFamily", "Compute Instance");
        product.set("attributes", attributes);
        product.put("sku", sku);
        doc.put("serviceCode", "AmazonEC2");
        doc.putObject("terms").putObject("OnDemand").putObject(sku).set(sku + "." + ON_DEMAND_OFFER, term);
        doc.put("version", "20251120000000").put("publicationDate", "2025-11-20T00:00:00Z");
        Map<String, String> flat = new LinkedHashMap<>();
        attributes.fields().forEachRemaining(e -> flat.put(e.getKey(), e.getValue().asText()));
        return new Product(flat, Json.write(doc));
    }

    /** A stable 16-character SKU, like AWS's, derived from what the product is. */
    private static String sku(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                s.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
