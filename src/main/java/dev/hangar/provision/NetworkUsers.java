package dev.hangar.provision;

import dev.hangar.blueprint.NetworkModel;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.LaunchState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Who else uses Hangar's network in a region, as a launch being rolled back or destroyed asks before it removes the
 * parts of the network it created: any instance inside that is not terminated (whoever started it), and any other
 * launch of this home's journal in the region that is launching or launched on the network (it may not have started
 * its instance yet). A corrupt journal file counts as a user: better a network left standing than one pulled away.
 *
 * <p>The same judgement as {@link NetworkInventory#whyInUse}, asked without it on purpose: the inventory tells whether a
 * launching launch is busy by trying its lock, and during a rollback that launch is this process's own, whose lock a
 * second channel on the same file would release.
 */
final class NetworkUsers {

    private final Ec2Client ec2;
    private final JournalStore journal;
    private final Path home;
    private final String region;
    private final String launchId;

    NetworkUsers(Ec2Client ec2, JournalStore journal, Path home, String region, String launchId) {
        this.ec2 = ec2;
        this.journal = journal;
        this.home = home;
        this.region = region;
        this.launchId = launchId;
    }

    Path home() {
        return home;
    }

    String region() {
        return region;
    }

    /** @return one line for each user other than this launch; empty when the network may go */
    List<String> others() {
        List<String> users = new ArrayList<>();
        List<JournalCorruptException> corrupt = new ArrayList<>();
        for (LaunchRecord r : journal.list(corrupt)) {
            boolean live = r.state() == LaunchState.LAUNCHING || r.state() == LaunchState.SUCCEEDED;
            if (live && !r.launchId().equals(launchId) && region.equals(r.spec().region()) && r.spec().usesHangarNetwork()) {
                users.add("launch " + r.launchId() + " (" + r.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        corrupt.forEach(e -> users.add("an unreadable journal file (" + e.getMessage() + ")"));
        List<String> vpcs = ec2.describeVpcs(d -> d.filters(tag(NetworkModel.TAG, region), tag(NetworkModel.PART_TAG, NetworkModel.PART_VPC)))
                .vpcs().stream().map(v -> v.vpcId()).toList();
        if (!vpcs.isEmpty()) {
            ec2.describeInstancesPaginator(d -> d.filters(Filter.builder().name("vpc-id").values(vpcs).build(),
                            Filter.builder().name("instance-state-name").values("pending", "running", "shutting-down", "stopping", "stopped").build()))
                    .reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId)
                    .forEach(i -> users.add("instance " + i));
        }
        return users;
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }
}
