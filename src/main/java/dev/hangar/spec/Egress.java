package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Outbound traffic the security group allows: web = TCP 80 and 443, https-only = TCP 443, all = everything. */
public enum Egress implements WireEnum {
    WEB, HTTPS_ONLY, ALL;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static Egress fromWire(String wire) {
        return WireEnum.fromWire(Egress.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
