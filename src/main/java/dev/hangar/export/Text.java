package dev.hangar.export;

/**
 * Characters an export must write as an escape, never raw: control characters, line and paragraph
 * separators (some parsers end a line there), and invisible format characters such as bidi overrides,
 * which could make exported code read differently from what it does.
 */
final class Text {

    private Text() {
    }

    static boolean needsEscape(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /** {@code \}{@code uXXXX} for the basic plane, else {@code \}{@code UXXXXXXXX}: the form HCL, Python and YAML share. */
    static String unicodeEscape(int cp) {
        return cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    /** JSON's form: a surrogate pair for characters beyond the basic plane. */
    static String jsonEscape(int cp) {
        StringBuilder out = new StringBuilder();
        for (char c : Character.toChars(cp)) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /**
     * A JSON document with every {@link #needsEscape} character written as a JSON escape. Such characters
     * can only sit inside JSON strings, where the escape means the same character.
     */
    static String jsonWithVisibleEscapes(String json) {
        StringBuilder out = new StringBuilder(json.length());
        json.codePoints().forEach(cp -> {
            if (needsEscape(cp) && cp != '\n' && cp != '\r' && cp != '\t') {
                out.append(jsonEscape(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A heredoc end marker that is no line of {@code content}. */
    static String heredocMarker(String base, String content) {
        String marker = base;
        for (int n = 2; hasLine(content, marker); n++) {
            marker = base + n;
        }
        return marker;
    }

    private static boolean hasLine(String content, String line) {
        return content.lines().anyMatch(l -> l.strip().equals(line));
    }
}
