package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** EC2 purchasing option. */
public enum Market implements WireEnum {
    ON_DEMAND, SPOT;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static Market fromWire(String wire) {
        return WireEnum.fromWire(Market.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
