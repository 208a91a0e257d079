package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

/**
 * The widest inbound rule of the blueprint's security group that reaches port 22 (the only one Hangar creates is
 * TCP 22 from {@code sshCidr}, with access=ssh), so every port rule agrees on what "open" means.
 */
record SshIngress(String cidr, boolean ipv6, int prefixLength) {

    /** Broader than these is more than one site's addresses. */
    static final int WIDEST_IPV4_PREFIX = 24;
    static final int WIDEST_IPV6_PREFIX = 56;

    /** The widest rule that admits SSH, or null when none does. */
    static SshIngress of(Blueprint blueprint) {
        return blueprint.securityGroup().ingress().stream()
                .filter(r -> r.protocol().equals("-1") || r.fromPort() <= 22 && 22 <= r.toPort())
                .filter(r -> r.cidr() != null)
                .map(r -> of(r.cidr()))
                .min(java.util.Comparator.comparingInt(SshIngress::prefixLength))
                .orElse(null);
    }

    private static SshIngress of(String cidr) {
        int slash = cidr.indexOf('/');
        int prefix;
        try {
            prefix = slash < 0 ? -1 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        return new SshIngress(cidr, cidr.contains(":"), prefix);
    }

    /** 0.0.0.0/0 or ::/0 (or an unreadable CIDR, taken at its worst). */
    boolean openToWorld() {
        return prefixLength <= 0;
    }

    boolean broad() {
        return prefixLength < (ipv6 ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX);
    }

    /** How many addresses may connect, for messages: "256 addresses", "2^72 addresses". */
    String addressCount() {
        int hostBits = (ipv6 ? 128 : 32) - Math.max(prefixLength, 0);
        return hostBits < 31 ? String.format("%,d addresses", 1L << hostBits) : "2^" + hostBits + " addresses";
    }
}
