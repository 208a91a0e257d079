package dev.hangar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The AWS Price List Query API (service "pricing", awsJson1_1, target AWSPriceListService), which
 * moto does not have: GetProducts for AmazonEC2 from {@link FakePricing}, DescribeServices and
 * GetAttributeValues. PriceList items are JSON documents sent as strings, as AWS sends them.
 */
final class PricingApi implements LocalApi {

    private static final int DEFAULT_PAGE = 100;

    private final FakePricing pricing;

    PricingApi(FakePricing pricing) {
        this.pricing = pricing;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"pricing".equals(call.service())) {
            return null;
        }
        JsonNode body = Json.parse(request.body());
        return switch (call.action()) {
            case "GetProducts" -> getProducts(body);
            case "DescribeServices" -> describeServices();
            case "GetAttributeValues" -> attributeValues(body);
            default -> error("InvalidParameterException", "the test endpoint does not answer Pricing " + call.action());
        };
    }

    private WireResponse getProducts(JsonNode body) {
        if (!"AmazonEC2".equals(body.path("ServiceCode").asText())) {
            return page(List.of(), body, "PriceList", true);
        }
        for (JsonNode f : body.path("Filters")) {
            String type = f.path("Type").asText();
            if (!List.of("TERM_MATCH", "EQUALS", "CONTAINS", "ANY_OF", "NONE_OF").contains(type)) {
                return error("InvalidParameterException", "Invalid filter type: " + type);
            }
        }
        List<PriceListProducts.Product> matching = products().stream()
                .filter(p -> matches(p.attributes(), body.path("Filters")))
                .toList();
        return page(matching.stream().map(PriceListProducts.Product::document).toList(), body, "PriceList", true);
    }

    private WireResponse describeServices() {
        ObjectNode service = Json.object().put("ServiceCode", "AmazonEC2");
        ArrayNode names = service.putArray("AttributeNames");
        new TreeSet<>(products().stream().flatMap(p -> p.attributes().keySet().stream()).toList()).forEach(names::add);
        ObjectNode answer = Json.object().put("FormatVersion", "aws_v1");
        answer.putArray("Services").add(service);
        return Json.response(200, Json.AWS_JSON_1_1, answer);
    }

    private WireResponse attributeValues(JsonNode body) {
        String name = body.path("AttributeName").asText();
        List<String> values = new TreeSet<>(products().stream()
                .map(p -> p.attributes().get(name)).filter(v -> v != null).toList()).stream().toList();
        return page(values, body, "AttributeValues", false);
    }

    private List<PriceListProducts.Product> products() {
        return pricing.prices().stream().flatMap(p -> PriceListProducts.of(p).stream()).toList();
    }

    /** AWS matches filter values without regard to case. */
    private static boolean matches(Map<String, String> attributes, JsonNode filters) {
        for (JsonNode f : filters) {
            String actual = attributes.get(f.path("Field").asText());
            String wanted = f.path("Value").asText();
            String a = actual == null ? null : actual.toLowerCase(Locale.ROOT);
            List<String> anyOf = Arrays.stream(wanted.toLowerCase(Locale.ROOT).split(",")).map(String::trim).toList();
            boolean ok = switch (f.path("Type").asText()) {
                case "CONTAINS" -> a != null && a.contains(wanted.toLowerCase(Locale.ROOT));
                case "ANY_OF" -> a != null && anyOf.contains(a);
                case "NONE_OF" -> a == null || !anyOf.contains(a);
                default -> a != null && a.equals(wanted.toLowerCase(Locale.ROOT)); // TERM_MATCH, EQUALS
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A page of strings (PriceList) or of {"Value": ...} objects; NextToken is the next index. */
    private static WireResponse page(List<String> items, JsonNode body, String listName, boolean plainStrings) {
        int from = body.hasNonNull("NextToken") ? Integer.parseInt(body.get("NextToken").asText()) : 0;
        int size = body.hasNonNull("MaxResults") ? body.get("MaxResults").asInt() : DEFAULT_PAGE;
        int to = Math.min(items.size(), from + size);
        ObjectNode answer = Json.object();
        if (plainStrings) {
            answer.put("FormatVersion", "aws_v1");
        }
        ArrayNode list = answer.putArray(listName);
        for (String item : items.subList(Math.min(from, to), to)) {
            if (plainStrings) {
                list.add(item);
            } else {
                list.addObject().put("Value", item);
            }
        }
        if (to < items.size()) {
            answer.put("NextToken", String.valueOf(to));
        }
        return Json.response(200, Json.AWS_JSON_1_1, answer);
    }

    private static WireResponse error(String code, String message) {
        return Json.error(400, Json.AWS_JSON_1_1, code, Json.object().put("Message", message));
    }
}
