package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

@ExtendWith(LocalAwsExtension.class)
class ServiceQuotasApiTest {

    @Test
    void getServiceQuotaForGAndVtInstances(LocalAws aws) {
        ServiceQuotasClient quotas = aws.clients().serviceQuotas(LocalAws.REGION);

        ServiceQuota q = quotas.getServiceQuota(b -> b.serviceCode("ec2").quotaCode("L-DB2E81BA")).quota();

        assertThat(q.value()).isEqualTo(64.0);
        assertThat(q.quotaName()).isEqualTo("Running On-Demand G and VT instances");
        assertThat(q.quotaArn()).isEqualTo("arn:aws:servicequotas:us-east-1:123456789012:ec2/L-DB2E81BA");
        assertThat(q.usageMetric().metricDimensions()).containsEntry("Class", "G/OnDemand");
        assertThat(q.adjustable()).isTrue();
    }

    @Test
    void configuredValueAndAwsDefault(LocalAws aws) {
        aws.serviceQuotas().set(FakeServiceQuotas.P_ON_DEMAND, 0);
        ServiceQuotasClient quotas = aws.clients().serviceQuotas("us-west-2");

        assertThat(quotas.getServiceQuota(b -> b.serviceCode("ec2").quotaCode("L-417A185B")).quota().value()).isZero();
        assertThat(quotas.getAWSDefaultServiceQuota(b -> b.serviceCode("ec2").quotaCode("L-417A185B")).quota().value())
                .isEqualTo(192.0);
        assertThat(quotas.listServiceQuotasPaginator(b -> b.serviceCode("ec2").maxResults(4)).quotas().stream())
                .hasSize(6);
    }

    @Test
    void unknownQuotaCodeIsNoSuchResource(LocalAws aws) {
        ServiceQuotasClient quotas = aws.clients().serviceQuotas(LocalAws.REGION);

        assertThatThrownBy(() -> quotas.getServiceQuota(b -> b.serviceCode("ec2").quotaCode("L-00000000")))
                .isInstanceOfSatisfying(NoSuchResourceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchResourceException"));
    }
}
