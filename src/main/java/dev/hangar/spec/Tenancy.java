package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** EC2 tenancy: shared hardware or hardware dedicated to this account. */
public enum Tenancy implements WireEnum {
    DEFAULT("default"), DEDICATED("dedicated");

    private final String wire;

    Tenancy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wire;
    }

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static Tenancy fromWire(String wire) {
        return WireEnum.fromWire(Tenancy.class, wire);
    }

    @Override
    public String toString() {
        return wire;
    }
}
