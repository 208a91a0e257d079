package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

@ExtendWith(LocalAwsExtension.class)
class S3ThroughEndpointTest {

    @Test
    void createBucketPutObjectGetObjectWithTheSdkDefaultChecksums(LocalAws aws) {
        S3Client s3 = aws.clients().s3(LocalAws.REGION);

        s3.createBucket(b -> b.bucket("my-datasets"));
        s3.putObject(b -> b.bucket("my-datasets").key("train/part-0001.txt"), RequestBody.fromString("hello, gpu"));
        String back = s3.getObjectAsBytes(b -> b.bucket("my-datasets").key("train/part-0001.txt")).asUtf8String();

        assertThat(back).isEqualTo("hello, gpu");
        assertThat(aws.endpoint().requests()).extracting(RecordedRequest::action)
                .containsExactly("CreateBucket", "PutObject", "GetObject");
        RecordedRequest put = aws.endpoint().requests("s3", "PutObject").get(0);
        assertThat(put.path()).isEqualTo("/my-datasets/train/part-0001.txt");
    }

    @Test
    void largerObjectsRoundTripByteForByte(LocalAws aws) {
        S3Client s3 = aws.clients().s3(LocalAws.REGION);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        Arrays.fill(data, (byte) 'x');
        data[data.length - 1] = '!';

        s3.createBucket(b -> b.bucket("big"));
        s3.putObject(b -> b.bucket("big").key("blob"), RequestBody.fromBytes(data));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("big").key("blob")).asByteArray()).isEqualTo(data);
        assertThat(s3.headObject(b -> b.bucket("big").key("blob")).contentLength()).isEqualTo(data.length);
    }

    @Test
    void bucketPostureCallsAreNamedAndErrorsParsed(LocalAws aws) {
        S3Client s3 = aws.clients().s3(LocalAws.REGION);
        s3.createBucket(b -> b.bucket("posture"));

        assertThat(s3.getBucketLocation(b -> b.bucket("posture")).locationConstraintAsString()).isNullOrEmpty();
        s3.headBucket(b -> b.bucket("posture"));
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("absent"))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.getBucketPolicy(b -> b.bucket("posture")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));

        assertThat(aws.endpoint().requests()).extracting(RecordedRequest::action)
                .containsExactly("CreateBucket", "GetBucketLocation", "HeadBucket", "HeadBucket", "GetBucketPolicy");
        assertThat(aws.endpoint().mutatingRequests()).extracting(RecordedRequest::action).containsExactly("CreateBucket");
    }

    @Test
    void injectedS3ErrorIsParsed(LocalAws aws) {
        S3Client s3 = aws.clients().s3(LocalAws.REGION);
        aws.endpoint().inject(Fault.on("s3", "CreateBucket").error(409, "BucketAlreadyExists",
                "The requested bucket name is not available."));

        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("taken")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists");
                    assertThat(e.getMessage()).contains("not available");
                });
    }
}
