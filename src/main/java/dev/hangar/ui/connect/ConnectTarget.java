package dev.hangar.ui.connect;

/** The launch a terminal's {@code hangar connect} opens a session on, and where its instance is. */
public record ConnectTarget(String launchId, String instanceId, String region) {
}
