package dev.hangar.review;

import dev.hangar.aws.AwsClients;
import dev.hangar.catalog.CatalogService;
import dev.hangar.catalog.CostEstimate;
import dev.hangar.catalog.CostEstimator;
import dev.hangar.catalog.GpuCatalog;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.Checklist;
import dev.hangar.preflight.Preflight;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.SpecValidator;
import dev.hangar.provision.Launcher;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
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
        new SpecValidator().requireValid(spec);
        Optional<Preflight.Result> preflight = aws.map(a -> new Preflight(a, clock).run(spec));
        // What this caller's launch would create: the data policy is pinned to the bucket's account.
        Blueprint blueprint = Blueprint.forLaunch(spec, LaunchNames.fresh(spec.name()).launchId(),
                preflight.map(Preflight.Result::callerArn).orElse(null));
        GpuCatalog types = catalog.gpuTypes(spec.region(), false);
        Double price = types.offer(spec.instanceType()).map(GpuOffer::pricePerHour).orElse(null);
        AccountFacts facts = preflight.map(Preflight.Result::facts).orElse(AccountFacts.unknown()).toBuilder()
                .onDemandPricePerHour(price).build();
        CostEstimate cost = CostEstimator.estimate(spec, price, types.source(), NetworkCosts.of(blueprint.network()));
        return new LaunchReview(spec, Checklist.evaluate(blueprint, facts, clock), preflight.map(Preflight.Result::report), cost,
                blueprint, Launcher.plan(blueprint), NetworkDiagram.of(blueprint, facts));
    }
}
