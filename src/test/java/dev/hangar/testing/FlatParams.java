package dev.hangar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Parameters as one flat map in the AWS Query style ({@code Placement.Tenancy},
 * {@code TagSpecification.1.Tag.1.Key}), whatever the protocol sent them as, so that fault
 * predicates and assertions read the same for EC2 forms and JSON bodies.
 */
final class FlatParams {

    private FlatParams() {}

    /** Adds {@code a=1&b=2} pairs (query strings and form bodies), percent-decoded. */
    static void addUrlEncoded(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(decode(name), decode(value));
        }
    }

    /** Adds a JSON document: object members joined by '.', array items numbered from 1. */
    static void addJson(JsonNode node, String prefix, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                addJson(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                addJson(node.get(i), prefix + "." + (i + 1), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }

    private static String decode(String s) {
        // Query strings may carry '+' for space only in form bodies; SigV4 canonical URIs use %20,
        // so decoding '+' as space is right for both.
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
