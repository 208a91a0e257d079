package dev.hangar.spec;

/**
 * Renders text inside messages: untrusted input quoted, control characters escaped, long values cut; and the
 * first line of an exception's message, for reports that have one line for it.
 */
public final class Show {

    private static final int MAX_SHOWN = 60;

    private Show() {
    }

    /** The first line of {@code message}; empty for none. */
    public static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
            if (shown++ == MAX_SHOWN) {
                return out.append("…\" (").append(s.length()).append(" characters)").toString();
            }
            int cp = s.codePointAt(i);
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append('"').toString();
    }
}
