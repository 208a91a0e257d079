package dev.hangar.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.aws.AwsClients;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;

/** On-demand Linux prices of GPU instance types in one region, from the AWS Price List API. */
public final class PriceList {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients aws;

    public PriceList(AwsClients aws) {
        this.aws = aws;
    }

    /** Instance type → USD per hour (shared tenancy, no pre-installed software, no licence). */
    public Map<String, Double> gpuPrices(String region) {
        Map<String, Double> prices = new HashMap<>();
        aws.pricing().getProductsPaginator(r -> r.serviceCode("AmazonEC2").filters(
                        term("regionCode", region), term("operatingSystem", "Linux"), term("tenancy", "Shared"),
                        term("preInstalledSw", "NA"), term("capacitystatus", "Used"), term("instanceFamily", "GPU instance")))
                .priceList().forEach(product -> parse(product, prices));
        return prices;
    }

    /** Reads one product of the price list (a JSON document in a string) into {@code prices}. */
    static void parse(String product, Map<String, Double> prices) {
        try {
            JsonNode root = JSON.readTree(product);
            String type = root.at("/product/attributes/instanceType").asText(null);
            if (type == null) {
                return;
            }
            // GetProducts nests terms one level less deep than the bulk price files; find them at either depth.
            root.path("terms").path("OnDemand").findValues("priceDimensions").forEach(dims -> dims.forEach(dim -> {
                JsonNode usd = dim.path("pricePerUnit").path("USD");
                if (usd.isTextual() && "Hrs".equals(dim.path("unit").asText())) {
                    double price = Double.parseDouble(usd.asText());
                    if (price > 0) {
                        prices.merge(type, price, Math::min);
                    }
                }
            }));
        } catch (IOException | NumberFormatException e) {
            // One malformed product must not lose the others' prices.
        }
    }

    private static Filter term(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }
}
