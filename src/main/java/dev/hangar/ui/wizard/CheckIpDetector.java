package dev.hangar.ui.wizard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Asks a "what is my IP" service (AWS's checkip by default), with a short timeout. */
public final class CheckIpDetector implements IpDetector {

    public static final URI AWS_CHECKIP = URI.create("https://checkip.amazonaws.com");

    /** Only an address is accepted as the answer: anything else (a captive portal's page) is ignored. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:]{2,39}");

    private final URI service;
    private final Duration timeout;

    public CheckIpDetector(URI service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> detect() {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(service).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = answer.body().trim();
            return answer.statusCode() == 200 && ADDRESS.matcher(body).matches() ? Optional.of(body) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The CIDR block of exactly one address: /32 for IPv4, /128 for IPv6. */
    public static String singleAddressCidr(String address) {
        return address + (address.contains(":") ? "/128" : "/32");
    }
}
