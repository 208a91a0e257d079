package dev.hangar.blueprint;

import java.util.Map;

/**
 * A systemd {@code EnvironmentFile}: one {@code NAME="value"} line each. In double quotes systemd takes every character
 * as it is but {@code \} and {@code "}, which are escaped with {@code \}; it expands no variables. Values are one line
 * (the spec refuses newlines and NUL).
 */
final class SystemdEnvironmentFile {

    private SystemdEnvironmentFile() {
    }

    static String of(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        env.forEach((name, value) -> {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("run.env." + name + " must be one line (no newline or NUL)");
            }
            out.append(name).append("=\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        });
        return out.toString();
    }
}
