package dev.hangar.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A JSON document as a Python literal (dicts, lists, strings), so a policy reads as code and keeps its exact value. */
final class PythonLiteral {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonLiteral() {
    }

    static String ofJson(String json, int indent) {
        try {
            return of(JSON.readTree(json), indent);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String of(JsonNode node, int indent) {
        String inner = " ".repeat(indent + 4);
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{\n");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.append(inner).append(PythonText.quote(e.getKey())).append(": ").append(of(e.getValue(), indent + 4)).append(",\n");
            }
            return out.append(" ".repeat(indent)).append('}').toString();
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder("[\n");
            node.forEach(item -> out.append(inner).append(of(item, indent + 4)).append(",\n"));
            return out.append(" ".repeat(indent)).append(']').toString();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isNull()) {
            return "None";
        }
        if (node.isNumber()) {
            return node.asText();
        }
        return PythonText.quote(node.asText());
    }
}
