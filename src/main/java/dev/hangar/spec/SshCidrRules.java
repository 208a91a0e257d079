package dev.hangar.spec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks {@code sshCidr}: an IPv4 or IPv6 CIDR block, network address only, never the whole internet by accident. */
final class SshCidrRules {

    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9]\\d{0,2}");
    // Only these characters reach InetAddress, and only with a ':' and a hex or ':' first character:
    // InetAddress then parses a literal and never resolves a host name.
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private SshCidrRules() {
    }

    static List<String> check(String cidr, boolean allowAnywhere) {
        List<String> out = new ArrayList<>();
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            out.add(Show.quote(cidr) + " is not a CIDR block: add the prefix length, e.g. 203.0.113.7/32");
            return out;
        }
        String address = cidr.substring(0, slash);
        String prefixText = cidr.substring(slash + 1);
        boolean v6 = address.contains(":");
        int maxPrefix = v6 ? 128 : 32;
        if (!PREFIX.matcher(prefixText).matches() || Integer.parseInt(prefixText) > maxPrefix) {
            out.add(Show.quote(cidr) + ": the prefix length must be a number from 0 to " + maxPrefix);
            return out;
        }
        int prefix = Integer.parseInt(prefixText);
        byte[] bytes = v6 ? parseV6(address, cidr, out) : parseV4(address, cidr, out);
        if (bytes == null) {
            return out;
        }
        byte[] network = network(bytes, prefix);
        if (!java.util.Arrays.equals(bytes, network)) {
            out.add(cidr + " has host bits set; did you mean " + format(network) + "/" + prefix + "?");
        }
        if (prefix == 0 && !allowAnywhere) {
            out.add("sshCidr " + cidr + " opens SSH to the whole internet; use your own address (a.b.c.d/32) "
                    + "or access=ssm, or set allowSshFromAnywhere=true to allow it on purpose");
        }
        return out;
    }

    private static byte[] parseV4(String address, String cidr, List<String> out) {
        Matcher m = V4.matcher(address);
        if (!m.matches()) {
            out.add(Show.quote(cidr) + " is not an IPv4 or IPv6 CIDR block like 203.0.113.7/32 or 2001:db8::1/128");
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String octet = m.group(i + 1);
            if (octet.length() > 1 && octet.startsWith("0")) {
                out.add(Show.quote(cidr) + ": octet " + octet + " has a leading zero (some tools read it as octal)");
                return null;
            }
            int value = Integer.parseInt(octet);
            if (value > 255) {
                out.add(Show.quote(cidr) + ": octet " + octet + " is out of range 0-255");
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] parseV6(String address, String cidr, List<String> out) {
        if (V6_CHARS.matcher(address).matches()) {
            try {
                InetAddress parsed = InetAddress.getByName(address);
                if (parsed instanceof Inet6Address) {
                    return parsed.getAddress();
                }
                out.add(Show.quote(cidr) + ": IPv4-mapped IPv6 addresses are not accepted; write it as IPv4 a.b.c.d/n");
                return null;
            } catch (UnknownHostException e) {
                // falls through to the message below
            }
        }
        out.add(Show.quote(cidr) + " is not a valid IPv6 CIDR block like 2001:db8::/32");
        return null;
    }

    private static byte[] network(byte[] address, int prefix) {
        byte[] network = address.clone();
        for (int bit = prefix; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }

    private static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952: the longest run of two or more zero groups (the first on a tie) becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
