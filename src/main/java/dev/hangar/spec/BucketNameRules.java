package dev.hangar.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** S3 general purpose bucket naming rules; one message per rule broken. */
final class BucketNameRules {

    private static final Pattern IPV4_FORM = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNameRules() {
    }

    static List<String> check(String bucket) {
        List<String> out = new ArrayList<>();
        if (bucket.startsWith("s3://") || bucket.startsWith("arn:")) {
            out.add("give the bucket name only, not " + Show.quote(bucket));
            return out;
        }
        int length = bucket.length();
        if (length < 3 || length > 63) {
            out.add("must be 3 to 63 characters long (got " + length + ")");
        }
        if (length == 0) {
            return out;
        }
        String bad = bucket.codePoints().filter(c -> !isBucketChar(c)).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (!bad.isEmpty()) {
            out.add("may contain only lowercase letters, digits, '.' and '-' (found " + Show.quote(bad) + ")");
        }
        if (!isLetterOrDigit(bucket.charAt(0))) {
            out.add("must start with a lowercase letter or digit");
        }
        if (!isLetterOrDigit(bucket.charAt(length - 1))) {
            out.add("must end with a lowercase letter or digit");
        }
        if (bucket.contains("..")) {
            out.add("must not contain two adjacent periods");
        }
        if (IPV4_FORM.matcher(bucket).matches()) {
            out.add("must not be formatted as an IP address (" + Show.quote(bucket) + ")");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (bucket.startsWith(prefix)) {
                out.add("must not start with the reserved prefix \"" + prefix + "\"");
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (bucket.endsWith(suffix)) {
                out.add("must not end with the reserved suffix \"" + suffix + "\"");
            }
        }
        return out;
    }

    private static boolean isBucketChar(int c) {
        return isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
