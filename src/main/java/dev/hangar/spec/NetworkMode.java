package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where the instance sits. private = Hangar's own network in the region, out through a NAT gateway; isolated = the same
 * network with no route to the internet, AWS reached through VPC endpoints; public = the default VPC with a public IP.
 * Each mode reaches Systems Manager, S3 and CloudWatch, so Session Manager and the first-boot script work.
 */
public enum NetworkMode implements WireEnum {
    PRIVATE, ISOLATED, PUBLIC;

    /** @throws IllegalArgumentException if {@code wire} is not one of the wire names */
    @JsonCreator
    public static NetworkMode fromWire(String wire) {
        return WireEnum.fromWire(NetworkMode.class, wire);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
