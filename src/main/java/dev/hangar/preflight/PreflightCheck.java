package dev.hangar.preflight;

/**
 * One preflight result: a read-only question asked of AWS before launch.
 *
 * @param id     stable identifier, e.g. {@code dry-run}, {@code offering}, {@code vcpu-quota}
 * @param title  what was checked, for people
 * @param status pass, warn or fail
 * @param detail what AWS answered, and what to do when it is not a pass
 */
public record PreflightCheck(String id, String title, Status status, String detail) {

    public enum Status { PASS, WARN, FAIL }
}
