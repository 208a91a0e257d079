package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsSession;
import dev.hangar.aws.AwsClients;
import dev.hangar.aws.AwsSettings;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.review.LaunchReview;
import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.RunSpec;
import dev.hangar.spec.SpecProblem;
import dev.hangar.spec.SpecValidator;
import dev.hangar.spec.Tenancy;
import dev.hangar.ui.session.SessionModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every step of the wizard shares: the app's session it works in and the launch spec being built,
 * field by field, as properties the steps bind to (Cryptomator's pattern). {@link #spec()} builds the
 * spec from them; {@link #load(LaunchSpec)} puts a changed spec (a checklist fix) back.
 */
public final class WizardState implements SpecDraft {

    private final ObjectProperty<WizardStep> currentStep = new SimpleObjectProperty<>(WizardStep.ACCOUNT);
    /** True while a step loads from AWS; greys out Next. */
    private final BooleanProperty processing = new SimpleBooleanProperty();

    /** The account: the app's, shared with the monitor. */
    private final SessionModel session;

    // The spec
    final StringProperty name = new SimpleStringProperty("gpu-training");
    final StringProperty region = new SimpleStringProperty("us-east-1");
    final StringProperty amiId = new SimpleStringProperty();
    final StringProperty instanceType = new SimpleStringProperty();
    final StringProperty keyPair = new SimpleStringProperty();
    final BooleanProperty createKeyPair = new SimpleBooleanProperty();
    final StringProperty dataBucket = new SimpleStringProperty();
    final StringProperty dataPrefix = new SimpleStringProperty("");
    final ObjectProperty<BucketAccess> bucketAccess = new SimpleObjectProperty<>(BucketAccess.READ_ONLY);
    final IntegerProperty dataVolumeGiB = new SimpleIntegerProperty(LaunchSpec.DEFAULT_VOLUME_GIB);
    final IntegerProperty rootVolumeGiB = new SimpleIntegerProperty(LaunchSpec.DEFAULT_VOLUME_GIB);
    final BooleanProperty deleteDataVolumeOnTermination = new SimpleBooleanProperty();
    final ObjectProperty<Tenancy> tenancy = new SimpleObjectProperty<>(Tenancy.DEFAULT);
    final ObjectProperty<Access> access = new SimpleObjectProperty<>(Access.SSM);
    final StringProperty sshCidr = new SimpleStringProperty();
    final BooleanProperty allowSshFromAnywhere = new SimpleBooleanProperty();
    final BooleanProperty associatePublicIp = new SimpleBooleanProperty();
    final ObjectProperty<NetworkMode> network = new SimpleObjectProperty<>(NetworkMode.PRIVATE);
    /** Not asked for: kept from a loaded spec; the Access step says that it overrides the network. */
    final StringProperty subnetId = new SimpleStringProperty();
    final ObjectProperty<Market> market = new SimpleObjectProperty<>(Market.ON_DEMAND);
    final IntegerProperty idleStopMinutes = new SimpleIntegerProperty(LaunchSpec.DEFAULT_IDLE_STOP_MINUTES);
    final ObjectProperty<Egress> egress = new SimpleObjectProperty<>(Egress.WEB);
    final ObjectProperty<Map<String, String>> tags = new SimpleObjectProperty<>(Map.of());
    /** Null: one machine; else a ParallelCluster cluster (the Options step's "Nodes"). */
    final ObjectProperty<dev.hangar.spec.ClusterSpec> cluster = new SimpleObjectProperty<>();
    /** Null: no run, the machine only. */
    final ObjectProperty<RunSpec> run = new SimpleObjectProperty<>();
    // Fields the wizard does not ask for keep what a loaded spec said.
    private String availabilityZone;

    // What the steps found
    final ObjectProperty<GpuOffer> offer = new SimpleObjectProperty<>();
    /** The images the Machine image step listed: the review names the ones that fit the type's accelerator. */
    final ObjectProperty<List<ImageInfo>> images = new SimpleObjectProperty<>(List.of());
    final ObjectProperty<LaunchReview> review = new SimpleObjectProperty<>();
    final ObjectProperty<LaunchOutcome> outcome = new SimpleObjectProperty<>();

    private final ObjectBinding<LaunchSpec> spec;
    /** The spec a new wizard starts with, before anything is chosen. */
    private final LaunchSpec fresh;
    private final ObjectBinding<List<SpecProblem>> problems;

    /** With a session of its own (tests). */
    public WizardState() {
        this(new SessionModel());
    }

    public WizardState(SessionModel session) {
        this.session = session;
        Observable[] fields = {name, region, amiId, instanceType, keyPair, createKeyPair, dataBucket, dataPrefix, bucketAccess,
            dataVolumeGiB, rootVolumeGiB, deleteDataVolumeOnTermination, tenancy, access, sshCidr, allowSshFromAnywhere,
            associatePublicIp, network, subnetId, market, idleStopMinutes, egress, tags, cluster, run};
        spec = Bindings.createObjectBinding(this::build, fields);
        problems = Bindings.createObjectBinding(() -> new SpecValidator().validate(spec.get()), spec);
        // Image IDs are per region: another region's list would offer images that do not exist there.
        region.addListener((obs, old, now) -> images.set(List.of()));
        fresh = build();
    }

    /**
     * After a launch: the Region step again, with the account and region kept and every other field as a new wizard
     * has it. The launch just made lives on in the monitor.
     */
    public void startAnother() {
        String kept = region.get();
        load(fresh);
        region.set(kept);
        offer.set(null);
        review.set(null);
        outcome.set(null);
        currentStep.set(WizardStep.REGION);
    }

    public ObjectProperty<WizardStep> currentStepProperty() { return currentStep; }
    public WizardStep currentStep() { return currentStep.get(); }
    public BooleanProperty processingProperty() { return processing; }
    public SessionModel session() { return session; }
    // Shorthands for the session's properties.
    public ObjectProperty<AwsSettings> settingsProperty() { return session.settingsProperty(); }
    public ObjectProperty<AwsSession> sessionProperty() { return session.sessionProperty(); }
    public StringProperty planOnlyReasonProperty() { return session.planOnlyReasonProperty(); }
    public ObjectProperty<LaunchOutcome> outcomeProperty() { return outcome; }
    public ObjectProperty<LaunchReview> reviewProperty() { return review; }
    public StringProperty regionProperty() { return region; }

    /** The clients of the signed-in session; empty in plan-only mode. */
    public Optional<AwsClients> clients() {
        return session.clients();
    }

    public BooleanBinding planOnly() {
        return session.planOnly();
    }

    @Override
    public ObjectBinding<LaunchSpec> specBinding() {
        return spec;
    }

    @Override
    public LaunchSpec spec() {
        return spec.get();
    }

    /** Every problem of the current spec, named by field, for the steps to show beside their fields. */
    public ObjectBinding<List<SpecProblem>> problems() {
        return problems;
    }

    @Override
    public void load(LaunchSpec s) {
        name.set(s.name());
        region.set(s.region());
        amiId.set(s.amiId());
        instanceType.set(s.instanceType());
        access.set(s.access());
        keyPair.set(s.keyPair());
        createKeyPair.set(s.createKeyPair());
        sshCidr.set(s.sshCidr());
        allowSshFromAnywhere.set(s.allowSshFromAnywhere());
        dataBucket.set(s.dataBucket());
        dataPrefix.set(s.dataPrefix());
        bucketAccess.set(s.bucketAccess());
        dataVolumeGiB.set(s.dataVolumeGiB());
        rootVolumeGiB.set(s.rootVolumeGiB());
        deleteDataVolumeOnTermination.set(s.deleteDataVolumeOnTermination());
        tenancy.set(s.tenancy());
        associatePublicIp.set(s.associatePublicIp());
        market.set(s.market());
        idleStopMinutes.set(s.idleStopMinutes());
        egress.set(s.egress());
        tags.set(s.tags());
        cluster.set(s.cluster());
        run.set(s.run());
        network.set(s.network());
        availabilityZone = s.availabilityZone();
        subnetId.set(s.subnetId());
        spec.invalidate();
    }

    private LaunchSpec build() {
        boolean ssh = access.get() == Access.SSH;
        return LaunchSpec.builder()
                .name(text(name)).region(text(region)).availabilityZone(availabilityZone).subnetId(text(subnetId))
                .amiId(text(amiId)).instanceType(text(instanceType))
                // Only SSH uses a key pair and a CIDR; with SSM they are left out, whatever was typed before.
                .access(access.get()).keyPair(ssh ? text(keyPair) : null).createKeyPair(ssh && createKeyPair.get())
                .sshCidr(ssh ? text(sshCidr) : null).allowSshFromAnywhere(ssh && allowSshFromAnywhere.get())
                .dataBucket(text(dataBucket)).dataPrefix(dataPrefix.get() == null ? "" : dataPrefix.get().trim())
                .bucketAccess(bucketAccess.get()).dataVolumeGiB(dataVolumeGiB.get()).rootVolumeGiB(rootVolumeGiB.get())
                .deleteDataVolumeOnTermination(deleteDataVolumeOnTermination.get()).tenancy(tenancy.get())
                .associatePublicIp(associatePublicIp.get()).network(network.get()).market(market.get()).idleStopMinutes(idleStopMinutes.get())
                .egress(egress.get()).tags(tags.get()).cluster(cluster.get()).run(run.get())
                .build();
    }

    /** Blank means not given. */
    private static String text(StringProperty p) {
        String v = p.get();
        return v == null || v.isBlank() ? null : v.trim();
    }
}
