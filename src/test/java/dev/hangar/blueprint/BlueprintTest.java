package dev.hangar.blueprint;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.blueprint.InstanceModel;
import static dev.hangar.export.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.UserData;
import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlueprintTest {

    @Test
    void namesComeFromTheLaunchIdAsTheEngineMakesThem() {
        Blueprint stack = Blueprint.of(ssm(), "llama-finetune-a1b2c3");
        LaunchNames names = new LaunchNames("llama-finetune-a1b2c3");

        assertThat(stack.launchIdDerived()).isFalse();
        assertThat(stack.iam().roleName()).isEqualTo(names.roleName()).isEqualTo("hangar-llama-finetune-a1b2c3");
        assertThat(stack.iam().instanceProfileName()).isEqualTo(names.instanceProfileName());
        assertThat(stack.iam().dataPolicyName()).isEqualTo(names.dataPolicyName());
        assertThat(stack.securityGroup().name()).isEqualTo(names.securityGroupName());
        assertThat(stack.idleAlarm().name()).isEqualTo(names.idleAlarmName());
    }

    @Test
    void aDerivedLaunchIdLooksRealAndIsStablePerSpec() {
        Blueprint a = Blueprint.of(ssm());
        Blueprint b = Blueprint.of(ssm());

        assertThat(a.launchIdDerived()).isTrue();
        assertThat(a.launchId()).matches("llama-finetune-[0-9a-f]{6}").isEqualTo(b.launchId());
        assertThat(Blueprint.of(sshSpot()).launchId()).isNotEqualTo(a.launchId());
    }

    @Test
    void aLaunchIdThatCannotNameIamResourcesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Blueprint.of(ssm(), "Bad ID"));
        assertThatIllegalArgumentException().isThrownBy(() -> Blueprint.of(ssm(), "x".repeat(58)));
    }

    @Test
    void anInvalidSpecIsRefusedWithItsProblems() {
        LaunchSpec noBucket = base().dataBucket(null).build();
        assertThatThrownBy(() -> Blueprint.of(noBucket)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("dataBucket");
    }

    @Test
    void tagsAreTheEnginesInAStableOrder() {
        Blueprint stack = Blueprint.of(nasty(), "x-000000");

        assertThat(stack.tags()).containsExactlyInAnyOrderEntriesOf(LaunchTags.of("x-000000", nasty(), null));
        assertThat(List.copyOf(stack.tags().keySet())).startsWith(List.copyOf(nasty().tags().keySet()).toArray(String[]::new))
                .endsWith(LaunchTags.LAUNCH_ID, LaunchTags.NAME);
        assertThat(stack.tags()).containsEntry("Name", "custom name");
        assertThat(stack.dataVolume().tags()).containsAllEntriesOf(stack.tags()).containsEntry("hangar:role", "data-volume")
                .hasSize(stack.tags().size() + 1);
    }

    @Test
    void policiesAndUserDataAreTheEngines() {
        Blueprint stack = Blueprint.of(sshSpot());

        assertThat(stack.iam().trustPolicy()).isEqualTo(IamPolicies.trustPolicy());
        assertThat(stack.iam().dataPolicy()).isEqualTo(IamPolicies.dataAccessPolicy(sshSpot()));
        assertThat(stack.iam().managedPolicyArns()).isEqualTo(IamPolicies.managedPolicyArns(sshSpot()));
        assertThat(stack.instance().userData()).isEqualTo(UserData.script());
    }

    @Test
    void securitySettingsAreFixed() {
        InstanceModel i = Blueprint.of(ssm()).instance();

        assertThat(i.httpTokens()).isEqualTo("required");
        assertThat(i.httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(i.httpEndpoint()).isEqualTo("enabled");
        assertThat(i.rootEncrypted()).isTrue();
        assertThat(i.rootVolumeType()).isEqualTo("gp3");
        assertThat(i.monitoring()).isTrue();
        assertThat(i.ebsOptimized()).isTrue();
        assertThat(Blueprint.of(ssm()).dataVolume().encrypted()).isTrue();
    }

    @Test
    void securityGroupRulesFollowAccessAndEgress() {
        SecurityGroupModel ssm = Blueprint.of(ssm()).securityGroup();
        assertThat(ssm.ingress()).isEmpty();
        assertThat(ssm.egress()).extracting(SecurityGroupModel.Rule::fromPort).containsExactly(80, 443);
        assertThat(ssm.egressAll()).isFalse();

        SecurityGroupModel ssh = Blueprint.of(sshSpot()).securityGroup();
        assertThat(ssh.ingress()).containsExactly(new SecurityGroupModel.Rule("tcp", 22, 22, "203.0.113.7/32", "SSH from the launcher"));
        assertThat(ssh.egress()).extracting(SecurityGroupModel.Rule::fromPort).containsExactly(443);

        SecurityGroupModel v6 = Blueprint.of(ipv6AllEgress()).securityGroup();
        assertThat(v6.ingress().get(0).ipv6()).isTrue();
        assertThat(v6.egressAll()).isTrue();
        assertThat(v6.egress()).containsExactly(new SecurityGroupModel.Rule("-1", 0, 0, "0.0.0.0/0", null));
    }

    @Test
    void spotTerminatesOnShutdownOnDemandStops() {
        assertThat(Blueprint.of(sshSpot()).instance().shutdownBehavior()).isEqualTo("stop");
        assertThat(Blueprint.of(sshSpot()).instance().spot()).isTrue();
        assertThat(Blueprint.of(ssm()).instance().shutdownBehavior()).isEqualTo("stop");
    }

    @ParameterizedTest
    @CsvSource({"5, 60, 5", "60, 60, 60", "1440, 60, 1440", "1441, 3600, 25", "2000, 3600, 34", "10080, 3600, 168"})
    void idleAlarmPeriodsMatchTheEngine(int minutes, int period, int periods) {
        IdleAlarmModel alarm = Blueprint.of(base().idleStopMinutes(minutes).build()).idleAlarm();

        assertThat(alarm.periodSeconds()).isEqualTo(period);
        assertThat(alarm.evaluationPeriods()).isEqualTo(periods);
        assertThat(alarm.threshold()).isEqualTo(5.0);
        assertThat(alarm.comparisonOperator()).isEqualTo("LessThanThreshold");
        assertThat(alarm.treatMissingData()).isEqualTo("notBreaching");
    }

    @Test
    void idleStopOffMeansNoAlarm() {
        assertThat(Blueprint.of(ipv6AllEgress()).idleAlarm()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"us-east-1, arn:aws:automate:us-east-1:ec2:stop", "eu-central-2, arn:aws:automate:eu-central-2:ec2:stop"})
    void theStopActionIsInTheRegionsPartition(String region, String arn) {
        assertThat(Blueprint.of(base().region(region).build()).idleAlarm().actionArn()).isEqualTo(arn);
    }

    /** IAM is called on the standard partition's global endpoint, so other partitions are refused before any call (issue 15). */
    @ParameterizedTest
    @ValueSource(strings = {"cn-north-1", "us-gov-west-1"})
    void regionsOfOtherPartitionsAreRefused(String region) {
        assertThatThrownBy(() -> Blueprint.of(base().region(region).build())).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("region").hasMessageContaining("partition");
    }
}
