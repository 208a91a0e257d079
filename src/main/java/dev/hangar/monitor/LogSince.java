package dev.hangar.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where reading a run's logs starts: {@code 30s}, {@code 30m}, {@code 1h}, {@code 2d} ago, or an ISO-8601 time or date (UTC). */
public final class LogSince {

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhd])");

    private LogSince() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Instant parse(String value, Instant now) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher m = AGO.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration ago = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(ago);
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            // try a date
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("--since '" + value + "': use a duration ago (30s, 30m, 1h, 2d) or an ISO-8601 time "
                    + "(2026-12-05T09:30:00Z) or date (2026-12-05, UTC)");
        }
    }
}
