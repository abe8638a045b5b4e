package cn.bqw.report;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * A test profile for an application of its own: its own database and consumer group (reading
 * every topic from the start), and the root it reports on by default (none: the tree's only root).
 */
public abstract class OwnApplication implements QuarkusTestProfile {

    private final String group;
    private final String city;

    protected OwnApplication(String group, String city) {
        this.group = group;
        this.city = city;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String channel : new String[] {"divisions", "indicators", "observations", "approvals", "tasks"}) {
            config.put("mp.messaging.incoming." + channel + ".group.id", group);
        }
        // Without a root of its own, none: the application reports on the only root of its tree.
        config.put("bqw.report.root", city == null ? "" : city);
        return config;
    }
}
