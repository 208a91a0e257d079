package dev.hangar.export;

/** Terraform (HCL) literals: every spec value reaches HCL through here, so none can start a template sequence. */
final class HclText {

    private HclText() {
    }

    /** A quoted string literal: {@code ${} and {@code %{} doubled so they stay literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
            int cp = s.codePointAt(i);
            boolean braceNext = i + 1 < s.length() && s.charAt(i + 1) == '{';
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> out.appendCodePoint(cp).append(braceNext ? Character.toString(cp) : "");
                default -> out.append(Text.needsEscape(cp) ? Text.unicodeEscape(cp) : Character.toString(cp));
            }
        }
        return out.append('"').toString();
    }

    /**
     * Heredoc body text: HCL reads no backslash escapes in a heredoc, only template sequences, so those are
     * doubled. The caller passes text free of {@link Text#needsEscape} characters.
     */
    static String heredocBody(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }
}
