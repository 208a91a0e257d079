package dev.hangar.connect;

import java.util.List;

/** What a terminal's {@code hangar connect} is for: a shell, Jupyter, or one forwarded port. */
public sealed interface ConnectPurpose {

    /** The options of {@code hangar connect} after {@code --launch ID}. */
    List<String> options();

    /** Words for a status line, e.g. "a shell". */
    String describe();

    static ConnectPurpose shell() {
        return new Shell();
    }

    static ConnectPurpose jupyter() {
        return new Jupyter();
    }

    static ConnectPurpose forward(PortForward ports) {
        return new Forward(ports);
    }

    /** A Session Manager shell on the instance. */
    record Shell() implements ConnectPurpose {
        @Override
        public List<String> options() {
            return List.of();
        }

        @Override
        public String describe() {
            return "a shell";
        }
    }

    /** Jupyter on the instance, forwarded to this machine ({@code connect --jupyter}). */
    record Jupyter() implements ConnectPurpose {
        @Override
        public List<String> options() {
            return List.of("--jupyter");
        }

        @Override
        public String describe() {
            return "Jupyter";
        }
    }

    /** One port of the instance on this machine. */
    record Forward(PortForward ports) implements ConnectPurpose {
        @Override
        public List<String> options() {
            return List.of("--forward", ports.option());
        }

        @Override
        public String describe() {
            return "port " + ports.remote() + " forwarded to localhost:" + ports.local();
        }
    }
}
