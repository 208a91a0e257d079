package dev.hangar.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree as block-style YAML that any YAML 1.1 or 1.2 parser reads back as the same tree:
 * every string double-quoted (so "yes", "1e3" or ": x" stay strings), multi-line text as a literal block
 * when it can be, keys plain only when plain is unambiguous.
 */
final class YamlWriter {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9:._-]*");
    private static final Set<String> YAML11_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private YamlWriter() {
    }

    static String write(JsonNode root) {
        List<String> lines = new ArrayList<>();
        root.properties().forEach(e -> entry(lines, e.getKey(), e.getValue(), 0));
        return String.join("\n", lines) + "\n";
    }

    private static void entry(List<String> lines, String key, JsonNode value, int indent) {
        String head = " ".repeat(indent) + key(key) + ":";
        if (value.isContainerNode() && !value.isEmpty()) {
            lines.add(head);
            children(lines, value, indent + 2);
        } else {
            valueLines(lines, head, value, indent);
        }
    }

    private static void item(List<String> lines, JsonNode value, int indent) {
        String dash = " ".repeat(indent) + "-";
        if (value.isContainerNode() && !value.isEmpty()) {
            List<String> nested = new ArrayList<>();
            children(nested, value, indent + 2);
            // The first nested line moves up beside the dash: "- Key: value", the rest keep their indent.
            lines.add(dash + " " + nested.get(0).substring(indent + 2));
            lines.addAll(nested.subList(1, nested.size()));
        } else {
            valueLines(lines, dash, value, indent);
        }
    }

    private static void children(List<String> lines, JsonNode container, int indent) {
        if (container.isObject()) {
            for (Map.Entry<String, JsonNode> e : container.properties()) {
                entry(lines, e.getKey(), e.getValue(), indent);
            }
        } else {
            container.forEach(v -> item(lines, v, indent));
        }
    }

    /** A scalar or empty container after {@code head}; multi-line text as a literal block indented under it. */
    private static void valueLines(List<String> lines, String head, JsonNode value, int indent) {
        if (value.isTextual() && literalBlockFits(value.asText())) {
            String text = value.asText();
            String chomp = !text.endsWith("\n") ? "-" : text.endsWith("\n\n") ? "+" : "";
            lines.add(head + " |" + chomp);
            String pad = " ".repeat(indent + 2);
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            body.lines().forEach(l -> lines.add(l.isEmpty() ? "" : pad + l));
            if (body.endsWith("\n")) {
                lines.add("");
            }
            return;
        }
        lines.add(head + " " + scalar(value));
    }

    private static String scalar(JsonNode value) {
        if (value.isTextual()) {
            return quote(value.asText());
        }
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        return value.isNull() ? "null" : value.asText();
    }

    private static boolean literalBlockFits(String text) {
        return text.contains("\n") && !text.startsWith(" ") && !text.startsWith("\n")
                && text.codePoints().noneMatch(cp -> cp != '\n' && Text.needsEscape(cp));
    }

    static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() && !YAML11_WORDS.contains(key.toLowerCase(Locale.ROOT)) ? key : quote(key);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Text.needsEscape(cp) ? Text.unicodeEscape(cp) : Character.toString(cp));
            }
        });
        return out.append('"').toString();
    }
}
