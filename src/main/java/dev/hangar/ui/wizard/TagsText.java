package dev.hangar.ui.wizard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Tags as the wizard edits them: one {@code key=value} per line. */
final class TagsText {

    /** The tags, or an error naming the first line that is not {@code key=value}. */
    record Parsed(Map<String, String> tags, String error) {
    }

    private TagsText() {
    }

    static Parsed parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        int n = 0;
        for (String line : (text == null ? "" : text).split("\n")) {
            n++;
            String l = line.trim();
            if (l.isEmpty()) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                return new Parsed(tags, "line " + n + " (\"" + l + "\") is not key=value");
            }
            tags.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        return new Parsed(tags, "");
    }

    static String format(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }
}
