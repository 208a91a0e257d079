package dev.hangar.engine;

import dev.hangar.aws.AwsClients;
import dev.hangar.catalog.CatalogCache;
import dev.hangar.catalog.CatalogService;
import dev.hangar.journal.JournalStore;
import dev.hangar.monitor.InstanceActions;
import dev.hangar.monitor.MonitorService;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.review.Reviewer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's services for one HANGAR_HOME, wired in one place: the command line and the window build it once
 * and ask it for what they need. The AWS clients are handed in per call, as the window's change with each sign-in;
 * empty clients mean plan-only mode on the bundled catalog.
 */
public final class EngineServices {

    private final Path home;
    private final Pacing pacing;
    private final Clock clock;
    private final JournalStore journal;

    /**
     * @param home   HANGAR_HOME: journal, keys, catalog cache
     * @param pacing how often to poll AWS while waiting (every few milliseconds against an emulator)
     */
    public EngineServices(Path home, Pacing pacing, Clock clock) {
        this.home = home;
        this.pacing = pacing;
        this.clock = clock;
        this.journal = new JournalStore(home);
    }

    public Path home() {
        return home;
    }

    public Pacing pacing() {
        return pacing;
    }

    public Clock clock() {
        return clock;
    }

    public JournalStore journal() {
        return journal;
    }

    public CatalogCache catalogCache() {
        return new CatalogCache(home, clock);
    }

    public CatalogService catalog(Optional<AwsClients> aws) {
        return new CatalogService(aws, catalogCache(), clock);
    }

    public Reviewer reviewer(Optional<AwsClients> aws) {
        return new Reviewer(aws, catalog(aws), clock);
    }

    public Launcher launcher(AwsClients aws) {
        return new Launcher(aws, journal, home, pacing, clock);
    }

    /**
     * @param aws    asked for only when a region has to be read, so a journal of ended launches needs no sign-in
     * @param prices the clients for live prices; empty reads the cached or bundled catalog
     */
    public MonitorService monitor(Supplier<AwsClients> aws, Optional<AwsClients> prices) {
        return new MonitorService(aws, journal, catalog(prices), clock);
    }

    public InstanceActions instanceActions(AwsClients aws) {
        return new InstanceActions(aws, journal, launcher(aws), pacing, clock);
    }
}
