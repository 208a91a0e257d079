package dev.hangar.review;

import dev.hangar.aws.AwsClients;
import dev.hangar.catalog.CatalogService;
import dev.hangar.catalog.ClusterCost;
import dev.hangar.catalog.CostEstimate;
import dev.hangar.catalog.CostEstimator;
import dev.hangar.catalog.GpuCatalog;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.Checklist;
import dev.hangar.checklist.ChecklistReport;
import dev.hangar.preflight.Preflight;
import dev.hangar.preflight.PreflightCheck;
import dev.hangar.preflight.PreflightReport;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.SpecValidator;
import dev.hangar.provision.Launcher;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reviews a spec before launch: preflight against the account (read-only), the checklist on what
 * preflight saw, the cost from the catalog's price (and the network's, when the launch uses Hangar's), and where the
 * instance sits. Without AWS (plan-only) the checklist runs on
 * unknown facts and the price comes from the bundled snapshot.
 */
public final class Reviewer {

    private final Optional<AwsClients> aws;
    private final CatalogService catalog;
    private final Clock clock;

    public Reviewer(Optional<AwsClients> aws, CatalogService catalog, Clock clock) {
        this.aws = aws;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @throws dev.hangar.spec.InvalidSpecException before any AWS call, naming every invalid field */
    public LaunchReview review(LaunchSpec spec) {
        return review(spec, List.of());
    }

    /**
     * @param listed the images the wizard listed for the region (newest first): what a fix may offer instead, and the
     *               chosen image's name when preflight could not read it; empty from the command line
     * @throws dev.hangar.spec.InvalidSpecException before any AWS call, naming every invalid field
     */
    public LaunchReview review(LaunchSpec spec, List<ImageInfo> listed) {
        new SpecValidator().requireValid(spec);
        Optional<Preflight.Result> preflight = aws.map(a -> new Preflight(a, clock).run(spec));
        // What this caller's launch would create: the data policy is pinned to the bucket's account.
        Blueprint blueprint = Blueprint.forLaunch(spec, LaunchNames.fresh(spec.name()).launchId(),
                preflight.map(Preflight.Result::callerArn).orElse(null));
        GpuCatalog types = catalog.gpuTypes(spec.region(), false);
        Optional<GpuOffer> offer = types.offer(spec.instanceType());
        Double price = offer.map(GpuOffer::pricePerHour).orElse(null);
        AccountFacts facts = ReviewFacts.of(preflight.map(Preflight.Result::facts).orElse(AccountFacts.unknown()), spec, offer, listed)
                .toBuilder().onDemandPricePerHour(price).build();
        CostEstimate cost = CostEstimator.estimate(spec, price, types.source(), NetworkCosts.of(blueprint.network()));
        Optional<PreflightReport> report = preflight.map(Preflight.Result::report);
        Boolean imageFound = report.map(r -> r.checks().stream().noneMatch(c -> c.id().equals("image")
                && c.status() == PreflightCheck.Status.FAIL)).orElse(null);
        ChecklistReport checklist = Checklist.evaluate(blueprint, facts, clock);
        Optional<ClusterReview> cluster = Optional.ofNullable(spec.cluster())
                .map(c -> ClusterReview.of(spec, checklist, ClusterCost.estimate(spec, price, types.source())));
        return new LaunchReview(spec, checklist, report, cost, blueprint, Launcher.plan(blueprint),
                NetworkDiagram.of(blueprint, facts), LaunchSummary.of(spec, offer, facts, cost, imageFound, clock), cluster);
    }
}
