package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How the researcher reaches the instance: SSM Session Manager (no inbound port) or SSH. */
public enum Access implements WireEnum {
    SSM, SSH;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static Access fromWire(String wire) {
        return WireEnum.fromWire(Access.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
