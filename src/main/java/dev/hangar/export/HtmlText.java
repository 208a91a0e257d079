package dev.hangar.export;

/** Text for the evidence page: markup characters as entities, invisible characters as numeric references. */
final class HtmlText {

    private HtmlText() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.appendCodePoint(cp);
                default -> {
                    // XML 1.0 forbids most control characters even as references: show them as text instead.
                    if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                        out.append(String.format("\\u%04x", cp));
                    } else if (Text.needsEscape(cp)) {
                        out.append("&#x").append(Integer.toHexString(cp)).append(';');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
