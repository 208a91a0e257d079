package dev.hangar.connect;

import dev.hangar.aws.AwsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code hangar connect} for another process (a terminal window), carrying the global options this
 * Hangar runs with: the same journal ({@code --home}) and the same account ({@code --profile}, {@code --endpoint-url}),
 * which that process would otherwise take from its own environment and may not find.
 *
 * @param home     HANGAR_HOME of this Hangar
 * @param settings how this Hangar reaches AWS
 */
public record ConnectInvocation(Path home, AwsSettings settings) {

    /** {@code --home H [--profile P] [--endpoint-url U] [--allow-insecure-endpoint] connect --launch ID [purpose]}. */
    public List<String> args(String launchId, ConnectPurpose purpose) {
        List<String> args = globalOptions();
        args.addAll(List.of("connect", "--launch", launchId));
        args.addAll(purpose.options());
        return args;
    }

    /** {@code --home H [--profile P] [--endpoint-url U] [--allow-insecure-endpoint]}: for any command of another process. */
    public List<String> globalOptions() {
        List<String> args = new ArrayList<>(List.of("--home", home.toAbsolutePath().normalize().toString()));
        settings.profile().ifPresent(p -> args.addAll(List.of("--profile", p)));
        settings.endpoint().ifPresent(e -> args.addAll(List.of("--endpoint-url", e.toString())));
        if (settings.allowInsecureEndpoint()) {
            args.add("--allow-insecure-endpoint");
        }
        return args;
    }

    /** The whole command line: {@code self} followed by {@link #args}. */
    public List<String> command(SelfCommand self, String launchId, ConnectPurpose purpose) {
        return self.with(args(launchId, purpose));
    }
}
