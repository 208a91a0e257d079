package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What the instance role may do on the data bucket (and prefix). */
public enum BucketAccess implements WireEnum {
    READ_ONLY, READ_WRITE;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static BucketAccess fromWire(String wire) {
        return WireEnum.fromWire(BucketAccess.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
