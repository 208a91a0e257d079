package dev.hangar.checklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What keys and tokens look like in text, by kind. A match says which kind and on which line, never the text: a
 * finding must not repeat the secret it found.
 */
final class SecretPatterns {

    /** A secret found: what it looks like, on which line (1-based) of the text. */
    record Match(String kind, int line) {
    }

    private static final Map<String, Pattern> TEXT = new LinkedHashMap<>();
    /** A whole value of 40 base64 characters with upper, lower case and a digit, as an AWS secret access key is. */
    private static final Pattern AWS_SECRET_VALUE = Pattern.compile("(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])[A-Za-z0-9/+]{40}");

    static {
        TEXT.put("an AWS access key ID", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\\b"));
        TEXT.put("an AWS secret key or session token setting",
                Pattern.compile("(?i)aws_secret_access_key|aws_session_token|secretaccesskey"));
        TEXT.put("a private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"));
        TEXT.put("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"));
        TEXT.put("a Hugging Face token", Pattern.compile("\\bhf_[A-Za-z0-9]{30,}"));
        TEXT.put("an OpenAI-style API key", Pattern.compile("\\bsk-(?:[A-Za-z]+-)?[A-Za-z0-9_-]{20,}"));
        TEXT.put("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"));
        TEXT.put("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"));
        TEXT.put("a password", Pattern.compile("(?i)(?:password|passwd)\\s*[=:]\\s*(?!\\$)[^\\s\"']+|--password[= ](?!\\$)\\S+"));
        TEXT.put("a URL with a password in it", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:(?!\\$)[^/\\s@]+@"));
    }

    private SecretPatterns() {
    }

    /** The first secret in the text, or empty. */
    static Optional<Match> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Pattern> secret : TEXT.entrySet()) {
            Matcher m = secret.getValue().matcher(text);
            if (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                return Optional.of(new Match(secret.getKey(), line));
            }
        }
        return Optional.empty();
    }

    /**
     * What an environment variable's value looks like, if a secret: any pattern above, a value that is an AWS secret
     * access key on its own, or a non-trivial value of a variable named like a secret ({@code HF_TOKEN},
     * {@code WANDB_API_KEY}, {@code DB_PASSWORD}; not {@code TOKENIZERS_PARALLELISM} or {@code MAX_TOKENS}).
     */
    static Optional<String> inVariable(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Match> inText = find(value);
        if (inText.isPresent()) {
            return Optional.of(inText.get().kind());
        }
        if (AWS_SECRET_VALUE.matcher(value).matches()) {
            return Optional.of("an AWS secret access key");
        }
        if (namedLikeASecret(name) && value.length() >= 8 && !value.chars().allMatch(Character::isDigit) && !value.startsWith("$")) {
            return Optional.of("a secret (its name says so)");
        }
        return Optional.empty();
    }

    private static boolean namedLikeASecret(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        String[] words = upper.split("_");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("PASSWORD") || w.equals("PASSWD") || w.equals("SECRET") || w.equals("TOKEN") || w.equals("APIKEY")
                    || w.equals("CREDENTIALS")) {
                return true;
            }
            if (w.equals("KEY") && i > 0 && (words[i - 1].equals("API") || words[i - 1].equals("ACCESS")
                    || words[i - 1].equals("PRIVATE") || words[i - 1].equals("SECRET"))) {
                return true;
            }
        }
        return false;
    }
}
