package dev.hangar.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instance types in the order a person reads them: by family, then by size — nano, micro, small, medium, large, xlarge,
 * 2xlarge … 48xlarge, metal — so g5.2xlarge comes before g5.12xlarge (as text it would not).
 */
public final class InstanceTypeOrder implements Comparator<String> {

    public static final InstanceTypeOrder INSTANCE = new InstanceTypeOrder();

    private static final List<String> SMALL_SIZES = List.of("nano", "micro", "small", "medium", "large");
    private static final Pattern MULTIPLE = Pattern.compile("(\\d*)xlarge");
    private static final Pattern DIGITS = Pattern.compile("\\d+|\\D+");

    private InstanceTypeOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int byFamily = natural(family(a), family(b));
        if (byFamily != 0) {
            return byFamily;
        }
        int bySize = Double.compare(sizeRank(size(a)), sizeRank(size(b)));
        return bySize != 0 ? bySize : a.compareTo(b);
    }

    /**
     * large is 0, xlarge 1, Nxlarge N; the small sizes below large; metal (the whole host) after every size; a size not
     * known after metal.
     */
    static double sizeRank(String size) {
        int small = SMALL_SIZES.indexOf(size);
        if (small >= 0) {
            return small - SMALL_SIZES.size() + 1; // nano -4 … large 0
        }
        Matcher m = MULTIPLE.matcher(size);
        if (m.matches()) {
            return m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        }
        if (size.startsWith("metal")) {
            return 10_000;
        }
        return 20_000;
    }

    private static String family(String type) {
        int dot = type.indexOf('.');
        return (dot < 0 ? type : type.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static String size(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? "" : type.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** g4dn before g5 before g10: runs of digits compare as numbers. */
    private static int natural(String a, String b) {
        Matcher x = DIGITS.matcher(a);
        Matcher y = DIGITS.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }
}
