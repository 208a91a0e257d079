package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** EC2 purchasing option. */
public enum Market implements WireEnum {
    ON_DEMAND("on-demand"), SPOT("spot");

    private final String wire;

    Market(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wire;
    }

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static Market fromWire(String wire) {
        return WireEnum.fromWire(Market.class, wire);
    }

    @Override
    public String toString() {
        return wire;
    }
}
