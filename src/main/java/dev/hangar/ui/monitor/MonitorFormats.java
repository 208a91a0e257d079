package dev.hangar.ui.monitor;

import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.LaunchBusyException;
import dev.hangar.monitor.CostSoFar;
import dev.hangar.monitor.IdleAlarm;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.blueprint.AwsErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the monitor writes its values: short in the table, the whole story in tooltips. */
final class MonitorFormats {

    static final String NONE = "—";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private MonitorFormats() {
    }

    /** EC2's state, or the journal's when EC2 was not asked (the launch ended, its region could not be read). */
    static String state(MonitoredInstance i) {
        return i.instanceState() != null ? i.instanceState() : i.launchState() == null ? NONE : i.stateName();
    }

    /** Why the instance stopped, when its run tells (the run ended with stopWhenDone, or the idle alarm stopped it). */
    static java.util.Optional<String> stopReason(MonitoredInstance i) {
        return i.run() == null ? java.util.Optional.empty() : i.run().stopReason();
    }

    static String check(String status) {
        return status == null ? NONE : status;
    }

    /** {@code 3 d 04 h}, {@code 2 h 05 m}, {@code 12 m}. */
    static String uptime(Duration d) {
        if (d == null) {
            return NONE;
        }
        if (d.toDays() > 0) {
            return String.format(Locale.ROOT, "%d d %02d h", d.toDays(), d.toHoursPart());
        }
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%d h %02d m", d.toHours(), d.toMinutesPart());
        }
        return d.toMinutes() + " m";
    }

    static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** The total; without a price only storage is known, so it says so. */
    static String cost(CostSoFar c) {
        if (c == null) {
            return NONE;
        }
        return c.total() != null ? usd(c.total()) : "? + " + usd(c.storage()) + " storage";
    }

    static String costDetail(CostSoFar c) {
        if (c == null) {
            return "Nothing of this launch is known to run or exist.";
        }
        String compute = c.compute() == null
                ? "compute unknown (" + c.priceSource() + ")"
                : "compute " + usd(c.compute()) + String.format(Locale.ROOT, " = %.2f h since the last start", c.computeHours())
                        + (c.pricePerHour() == null ? "" : String.format(Locale.ROOT, " × $%.3f/h (%s)", c.pricePerHour(), c.priceSource()));
        return compute + "\nstorage " + usd(c.storage()) + String.format(Locale.ROOT, " = %.0f GiB gp3", c.storageGiB())
                + (c.storageSince() == null ? "" : " since " + DATE_TIME.format(c.storageSince()))
                + "\nList prices: an estimate, the bill is the truth. Earlier running periods are not counted.";
    }

    /** The idle-stop alarm in a word or two. */
    static String alarm(IdleAlarm a) {
        if (a == null) {
            return "off";
        }
        return switch (a.state()) {
            case "OK" -> "armed";
            case "ALARM" -> "idle: stopping";
            case "INSUFFICIENT_DATA" -> "waiting for data";
            case IdleAlarm.MISSING -> "missing";
            default -> a.state().toLowerCase(Locale.ROOT);
        };
    }

    static String alarmDetail(IdleAlarm a) {
        if (a == null) {
            return "No idle-stop alarm: the launch asked for none.";
        }
        if (IdleAlarm.MISSING.equals(a.state())) {
            return a.name() + " was asked for but CloudWatch has none: the instance will not stop when idle.";
        }
        return a.name() + ": " + a.state() + (a.signal() == null ? "" : "\nWatches: " + a.signal()) + (a.reason() == null ? "" : "\n" + a.reason())
                + (a.updatedAt() == null ? "" : "\nsince " + DATE_TIME.format(a.updatedAt()));
    }

    /** Only running instances are audited; anything else is not "no drift" but "not checked". */
    static String drift(MonitoredInstance i) {
        if (!i.running()) {
            return NONE;
        }
        if (i.drift().isEmpty()) {
            return "none";
        }
        long fail = i.drift().stream().filter(f -> f.status() == Status.FAIL).count();
        long warn = i.drift().size() - fail;
        return (fail > 0 ? fail + " FAIL" : "") + (fail > 0 && warn > 0 ? " · " : "") + (warn > 0 ? warn + " WARN" : "");
    }

    /** For sorting the drift column: worst first when descending. */
    static int driftRank(MonitoredInstance i) {
        if (!i.running()) {
            return -1;
        }
        return (int) i.drift().stream().mapToLong(f -> f.status() == Status.FAIL ? 100 : 1).sum();
    }

    static String driftDetail(MonitoredInstance i) {
        if (!i.running()) {
            return "Not audited: only running instances are.";
        }
        if (i.drift().isEmpty()) {
            return "Nothing changed since the launch.";
        }
        return String.join("\n", i.drift().stream().map(MonitorFormats::line).toList());
    }

    private static String line(Finding f) {
        return f.status() + " " + f.title() + (f.controls().isEmpty() ? "" : " (" + String.join(", ", f.controls()) + ")");
    }

    /**
     * Why a refresh or an action failed, in one line: AWS's code and text, or Hangar's own reason (not signed in,
     * the launch is busy elsewhere, a damaged journal file) without the exception's class name. Redacted.
     */
    static String reason(Throwable e) {
        String brief = AwsErrors.brief(e);
        boolean ours = e instanceof IllegalStateException || e instanceof IllegalArgumentException || e instanceof LaunchBusyException
                || e instanceof JournalCorruptException;
        String prefix = e.getClass().getSimpleName() + ": ";
        return ours && brief.startsWith(prefix) ? brief.substring(prefix.length()) : brief;
    }

    static String clock(Instant t) {
        return t == null ? NONE : CLOCK.format(t);
    }

    static String dateTime(Instant t) {
        return t == null ? NONE : DATE_TIME.format(t);
    }

    static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
