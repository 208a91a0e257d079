package dev.hangar.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes HCL the way {@code terraform fmt} would: two-space indents, and the '=' of consecutive one-line
 * attributes aligned. Values are passed already rendered (see {@link HclText}).
 */
final class HclWriter {

    private final StringBuilder out = new StringBuilder();
    private final List<String[]> pending = new ArrayList<>();
    private int depth;

    HclWriter comment(String text) {
        flush();
        text.lines().forEach(l -> line(l.isEmpty() ? "#" : "# " + l));
        return this;
    }

    HclWriter blank() {
        flush();
        out.append('\n');
        return this;
    }

    HclWriter open(String header) {
        flush();
        line(header + " {");
        depth++;
        return this;
    }

    HclWriter close() {
        flush();
        depth--;
        line("}");
        return this;
    }

    /** One attribute; a heredoc value counts as one line, as terraform fmt counts it. */
    HclWriter attr(String key, String value) {
        pending.add(new String[] {key, value});
        return this;
    }

    HclWriter string(String key, String value) {
        return attr(key, HclText.quote(value));
    }

    /** A multi-line object of strings, keys quoted. */
    HclWriter object(String key, Map<String, String> entries) {
        flush();
        line(key + " = {");
        depth++;
        entries.forEach((k, v) -> pending.add(new String[] {HclText.quote(k), HclText.quote(v)}));
        flush();
        depth--;
        line("}");
        return this;
    }

    /** A heredoc value ending in a newline; the text must end in one. */
    static String heredoc(String marker, String text) {
        String body = HclText.heredocBody(text);
        String end = Text.heredocMarker(marker, body);
        return "<<" + end + "\n" + body + (body.endsWith("\n") ? "" : "\n") + end;
    }

    String text() {
        flush();
        return out.toString();
    }

    private void flush() {
        int width = pending.stream().mapToInt(a -> a[0].length()).max().orElse(0);
        for (String[] a : pending) {
            line(a[0] + " ".repeat(width - a[0].length()) + " = " + a[1]);
        }
        pending.clear();
    }

    private void line(String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
