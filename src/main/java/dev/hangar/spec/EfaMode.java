package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Elastic Fabric Adapter for a cluster's compute nodes: auto = on exactly when the instance type supports it. */
public enum EfaMode implements WireEnum {
    AUTO, ON, OFF;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static EfaMode fromWire(String wire) {
        return WireEnum.fromWire(EfaMode.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
