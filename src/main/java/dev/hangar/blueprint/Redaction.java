package dev.hangar.blueprint;

import java.util.regex.Pattern;

/**
 * Masks what may carry AWS credentials in text that quotes AWS or the SDK: the session token in a signed
 * request's header or query ({@code x-amz-security-token:…}, {@code X-Amz-Security-Token=…}), keys written
 * as settings ({@code aws_secret_access_key = …}), and access key IDs. The secret access key itself is never
 * sent, so it can only appear where it is named like that.
 */
public final class Redaction {

    private static final Pattern TOKEN_HEADER = Pattern.compile("(?i)(x-amz-security-token\\s*[:=]\\s*)[^\\s&,;'\"<]+");
    private static final Pattern SETTING = Pattern.compile(
            "(?i)((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken|secret_access_key|session_token)\"?\\s*[:=]\\s*\"?)[^\\s&,;'\"<)]+");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\\b");

    private Redaction() {
    }

    /** The text with every credential-shaped part masked; null gives "". */
    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = TOKEN_HEADER.matcher(text).replaceAll("$1<redacted>");
        out = SETTING.matcher(out).replaceAll("$1<redacted>");
        return ACCESS_KEY_ID.matcher(out).replaceAll("<access key id>");
    }
}
