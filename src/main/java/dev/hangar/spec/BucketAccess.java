package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the instance role may do on the data bucket (and prefix). */
public enum BucketAccess implements WireEnum {
    READ_ONLY("read-only"), READ_WRITE("read-write");

    private final String wire;

    BucketAccess(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wire;
    }

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static BucketAccess fromWire(String wire) {
        return WireEnum.fromWire(BucketAccess.class, wire);
    }

    @Override
    public String toString() {
        return wire;
    }
}
