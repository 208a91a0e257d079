package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The encrypted gp3 data volume, in the instance's availability zone, attached at {@link #DEVICE}. */
public record DataVolumeModel(int sizeGiB, String volumeType, boolean encrypted, String device,
                              boolean deleteOnTermination, Map<String, String> tags) {

    public static final String DEVICE = "/dev/sdh";

    public DataVolumeModel {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    static DataVolumeModel of(LaunchSpec spec, Map<String, String> tags) {
        return new DataVolumeModel(spec.dataVolumeGiB(), "gp3", true, DEVICE, spec.deleteDataVolumeOnTermination(),
                LaunchTags.dataVolume(tags));
    }
}
