package dev.hangar.aws;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a URL's host is this machine's loopback, decided from the text alone (no DNS lookup, which could lie). */
final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private Loopback() {
    }

    static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false; // a name: only "localhost" is taken on trust
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // an address literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
