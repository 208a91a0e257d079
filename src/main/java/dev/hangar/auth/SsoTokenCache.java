package dev.hangar.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IAM Identity Center token cache the AWS CLI v2 and the SDKs share: {@code <dir>/<sha1>.json}, see
 * {@link SsoStart#cacheKey()}, with the CLI's fields ({@code startUrl}, {@code region}, {@code accessToken},
 * {@code expiresAt} as {@code 2026-11-26T12:00:00Z}, {@code clientId}, {@code clientSecret},
 * {@code registrationExpiresAt}, {@code refreshToken}). Files are written atomically with mode 0600 in a
 * directory created with mode 0700; fields Hangar does not know are kept.
 */
public final class SsoTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(SsoTokenCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    public SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path file(SsoStart start) {
        return directory.resolve(start.cacheKey() + ".json");
    }

    /**
     * The cached token for this sign-in, expired or not; empty when there is none, or when the file cannot be
     * read or is not a token (it is then left alone: a new sign-in replaces it).
     */
    public Optional<SsoToken> load(SsoStart start) {
        Path file = file(start);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            Instant expires = instant(text(node, "expiresAt"));
            String accessToken = text(node, "accessToken");
            if (accessToken == null || expires == null) {
                LOG.warn("ignoring {}: it has no accessToken or expiresAt", file);
                return Optional.empty();
            }
            return Optional.of(new SsoToken(text(node, "startUrl"), text(node, "region"), accessToken, expires, text(node, "clientId"),
                    text(node, "clientSecret"), instant(text(node, "registrationExpiresAt")), text(node, "refreshToken")));
        } catch (IOException | RuntimeException e) {
            // The message names the file only: the parser's message could quote the file's content.
            LOG.warn("ignoring {}: it cannot be read as a cached token ({})", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Writes the token for this sign-in, replacing the file in one step so that no reader sees half of it. */
    public Path save(SsoStart start, SsoToken token) {
        Path file = file(start);
        try {
            createDirectory();
            ObjectNode node = JSON.createObjectNode();
            put(node, "startUrl", token.startUrl());
            put(node, "region", token.region());
            put(node, "accessToken", token.accessToken());
            put(node, "expiresAt", format(token.expiresAt()));
            put(node, "clientId", token.clientId());
            put(node, "clientSecret", token.clientSecret());
            put(node, "registrationExpiresAt", token.registrationExpiresAt() == null ? null : format(token.registrationExpiresAt()));
            put(node, "refreshToken", token.refreshToken());
            keepUnknownFields(file, node);
            AtomicFiles.write(file, JSON.writeValueAsBytes(node), AtomicFiles.OWNER_ONLY);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sign-in cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the sign-in (sign out). */
    public void delete(SsoStart start) {
        try {
            Files.deleteIfExists(file(start));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sign-in cache " + file(start) + ": " + e.getMessage(), e);
        }
    }

    /** ISO-8601 UTC to the second, as the CLI writes it: {@code 2026-11-26T12:00:00Z}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Reads what the CLI and the SDKs write: {@code 2026-11-26T12:00:00Z}, with fractions or an offset, and
     * the older CLI's {@code 2026-11-26T12:00:00UTC}.
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.endsWith("UTC")) {
            t = t.substring(0, t.length() - 3) + "Z";
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            return OffsetDateTime.parse(t).toInstant();
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(directory, DIR_MODE); // whatever the umask did
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void keepUnknownFields(Path file, ObjectNode node) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode old = JSON.readTree(file.toFile());
            if (old instanceof ObjectNode o) {
                o.fields().forEachRemaining(f -> {
                    if (!node.has(f.getKey())) {
                        node.set(f.getKey(), f.getValue());
                    }
                });
            }
        } catch (IOException | RuntimeException unreadable) {
            // replaced wholesale
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
