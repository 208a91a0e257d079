package dev.hangar.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks user tags. They go on every resource, IAM roles included, so IAM's stricter tag character set
 * applies; 45 leaves room under AWS's 50 per resource for Hangar's own tags.
 */
final class TagRules {

    static final int MAX_TAGS = 45;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _.:/=+\\-@]*");
    private static final String ALLOWED_TEXT = "letters, digits, spaces and _ . : / = + - @";

    private TagRules() {
    }

    static void check(Map<String, String> tags, List<SpecProblem> out) {
        if (tags.size() > MAX_TAGS) {
            out.add(new SpecProblem("tags", "at most " + MAX_TAGS + " tags (AWS allows 50 and Hangar adds its own); got "
                    + tags.size()));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            checkKey(tag.getKey(), out);
            if (tag.getKey() != null) {
                checkValue(tag.getKey(), tag.getValue(), out);
            }
        }
    }

    private static void checkKey(String key, List<SpecProblem> out) {
        if (key == null) {
            out.add(new SpecProblem("tags", "a tag key must not be null"));
            return;
        }
        String shown = "key " + Show.quote(key);
        int length = key.codePointCount(0, key.length());
        if (length < 1 || length > 128) {
            out.add(new SpecProblem("tags", shown + " must be 1 to 128 characters long (got " + length + ")"));
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws:")) {
            out.add(new SpecProblem("tags", shown + " must not start with \"aws:\" (reserved by AWS)"));
        }
        if (lower.startsWith("hangar:")) {
            out.add(new SpecProblem("tags", shown + " must not start with \"hangar:\" (reserved for Hangar's own tags)"));
        }
        if (!ALLOWED.matcher(key).matches()) {
            out.add(new SpecProblem("tags", shown + " may contain only " + ALLOWED_TEXT));
        }
    }

    private static void checkValue(String key, String value, List<SpecProblem> out) {
        String field = "tags." + key;
        if (value == null) {
            out.add(new SpecProblem(field, "must be a string, not null (use \"\" for an empty value)"));
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > 256) {
            out.add(new SpecProblem(field, "must be at most 256 characters long (got " + length + ")"));
        }
        if (!ALLOWED.matcher(value).matches()) {
            out.add(new SpecProblem(field, "may contain only " + ALLOWED_TEXT));
        }
    }
}
