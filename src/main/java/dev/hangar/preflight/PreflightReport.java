package dev.hangar.preflight;

import java.time.Instant;
import java.util.List;

/** Every preflight check of one spec, with the account it ran in. */
public record PreflightReport(String accountId, Instant checkedAt, List<PreflightCheck> checks) {

    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == PreflightCheck.Status.FAIL);
    }
}
