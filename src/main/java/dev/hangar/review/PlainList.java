package dev.hangar.review;

import java.util.List;
import java.util.Locale;

/**
 * A few things in one clause that follows a colon: "a", "a; b", "a; b and 3 more". Semicolons, since a title may hold
 * commas and "and".
 */
final class PlainList {

    private PlainList() {
    }

    /** @param named how many items to name before "and N more" */
    static String of(List<String> items, int named) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < Math.min(named, items.size()); i++) {
            line.append(i == 0 ? "" : "; ").append(continued(items.get(i)));
        }
        int more = items.size() - named;
        return more > 0 ? line + " and " + more + " more" : line.toString();
    }

    /** "The image is…" reads "the image is…" inside a sentence; "SSH is…" and "s3://…" stay as they are. */
    private static String continued(String item) {
        boolean word = item.length() > 1 && Character.isUpperCase(item.charAt(0)) && Character.isLowerCase(item.charAt(1));
        return word ? item.substring(0, 1).toLowerCase(Locale.ROOT) + item.substring(1) : item;
    }
}
