package dev.hangar.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "AWS profile from ~/.aws/config (default: AWS_PROFILE, then the default credentials chain)")
    String profile;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send every AWS call to this endpoint, e.g. a local moto server (default: AWS_ENDPOINT_URL)")
    String endpointUrl;

    @Option(names = "--allow-insecure-endpoint", scope = ScopeType.INHERIT,
            description = "Let sign-in (IAM Identity Center) use a plain-http --endpoint-url on another host; its tokens then travel in cleartext")
    boolean allowInsecureEndpoint;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where Hangar keeps its journal and keys (default: HANGAR_HOME, then ~/.hangar)")
    Path home;

    /** Polls every few milliseconds instead of seconds: for emulators, where nothing takes time. */
    @Option(names = "--fast-polling", scope = ScopeType.INHERIT, hidden = true)
    boolean fastPolling;
}
