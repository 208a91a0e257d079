package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** EC2 tenancy: shared hardware or hardware dedicated to this account. */
public enum Tenancy implements WireEnum {
    DEFAULT, DEDICATED;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static Tenancy fromWire(String wire) {
        return WireEnum.fromWire(Tenancy.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
