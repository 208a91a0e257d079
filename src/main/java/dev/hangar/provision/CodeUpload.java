package dev.hangar.provision;

import dev.hangar.blueprint.StepFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A run's code archive in the data bucket, with the caller's credentials: uploaded by the launch, removed by rollback
 * and destroy. The object carries the launch ID in its metadata, and removal deletes it only when it does: the key is
 * the launch's own, but nothing else in the bucket is Hangar's to touch.
 *
 * @param expectedOwner the account that must own the bucket (S3 refuses the call otherwise); null when unknown
 */
public record CodeUpload(S3Client s3, String launchId, String expectedOwner) {

    /** The object metadata that names the launch (x-amz-meta-hangar-launch-id). */
    public static final String LAUNCH_ID_METADATA = "hangar-launch-id";
    /** One attempt may take this long: 1 GiB at 8 Mbit/s is about 18 minutes. */
    static final Duration UPLOAD_ATTEMPT_TIMEOUT = Duration.ofMinutes(30);

    /** An archive packed into a temporary file, removed on close. */
    public static final class Packed implements AutoCloseable {
        private final Path file;
        private final long files;
        private final long bytes;

        Packed(Path file, long files, long bytes) {
            this.file = file;
            this.files = files;
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        public String summary() {
            return files + " files, " + CodeFolder.size(bytes) + " packed";
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** Packs the folder into a temporary file (owner-only, as Files.createTempFile makes it). */
    public static Packed pack(Path folder) throws StepFailedException, IOException {
        CodeFolder.Contents contents;
        try {
            contents = CodeFolder.contents(folder, CodeFolder.MAX_BYTES);
        } catch (CodeFolder.Unusable e) {
            throw new StepFailedException(CodeFolder.FIELD + ": " + e.getMessage());
        }
        Path file = Files.createTempFile("hangar-code-", ".tar.gz");
        try {
            long bytes = CodeArchive.write(contents, file);
            return new Packed(file, contents.files(), bytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new StepFailedException(CodeFolder.FIELD + ": " + folder + " could not be packed: " + e.getMessage(), e);
        }
    }

    public void put(Packed packed, String bucket, String key) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/gzip").expectedBucketOwner(expectedOwner)
                        .metadata(Map.of(LAUNCH_ID_METADATA, launchId))
                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(UPLOAD_ATTEMPT_TIMEOUT)),
                RequestBody.fromFile(packed.file));
    }

    /** Deletes the object when it is this launch's; gone already is fine. */
    public void remove(String bucket, String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(bucket).key(key).expectedBucketOwner(expectedOwner));
        } catch (NoSuchKeyException e) {
            return;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return; // HEAD has no body, so S3 cannot say NoSuchKey
            }
            throw e;
        }
        if (launchId.equals(head.metadata().get(LAUNCH_ID_METADATA))) {
            s3.deleteObject(r -> r.bucket(bucket).key(key).expectedBucketOwner(expectedOwner));
        }
    }
}
