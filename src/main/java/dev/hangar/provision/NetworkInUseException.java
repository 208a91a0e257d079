package dev.hangar.provision;

/** Hangar's network in a region cannot be removed now; the message says what uses it. Nothing was touched. */
public final class NetworkInUseException extends IllegalStateException {

    private final String region;

    public NetworkInUseException(String region, String why) {
        super("Hangar's network in " + region + " is in use and stays: " + why);
        this.region = region;
    }

    public String region() {
        return region;
    }
}
