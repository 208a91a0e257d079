package dev.hangar.export;

/** Python literals for the Pulumi program. */
final class PythonText {

    private PythonText() {
    }

    /** A double-quoted string literal on one line. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        appendEscaped(out, s, false);
        return out.append('"').toString();
    }

    /** A triple-quoted literal keeping the text's lines as lines, for a script. */
    static String multiline(String s) {
        StringBuilder out = new StringBuilder("\"\"\"\\\n");
        appendEscaped(out, s, true);
        return out.append("\"\"\"").toString();
    }

    /**
     * In a triple-quoted literal a quote needs escaping only where it could end the literal: before
     * another quote, or last.
     */
    private static void appendEscaped(StringBuilder out, String s, boolean multiline) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            boolean quoteSafe = multiline && i + 1 < cps.length && cps[i + 1] != '"';
            switch (cp) {
                case '"' -> out.append(quoteSafe ? "\"" : "\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append(multiline ? "\n" : "\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Text.needsEscape(cp) ? Text.unicodeEscape(cp) : Character.toString(cp));
            }
        }
    }
}
