package cn.bqw.launcher;

import cn.bqw.local.DevKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code ./bqw token}: a bearer token signed by the dev key pair that {@code ./bqw up} trusts. */
final class TokenCommand {

    private static final Set<String> ROLES = Set.of("admin", "editor", "viewer", "service", "approver");

    /** A local token lives at most 30 days: a leaked one does not work for ever. */
    static final long MAX_HOURS = 720;

    private TokenCommand() {}

    static int run(Path home, List<String> args) {
        Options options;
        long hours;
        try {
            options = Options.parse(args, Set.of(), Set.of("--role", "--region", "--subject", "--hours"));
            hours = options.number("--hours").orElse(12L);
        } catch (IllegalArgumentException wrongUse) {
            System.err.println(wrongUse.getMessage());
            return 2;
        }
        Set<String> roles = new LinkedHashSet<>(options.values("--role"));
        List<String> regions = options.values("--region");
        String subject = options.value("--subject").orElse("bqw-local");
        if (hours < 1 || hours > MAX_HOURS) {
            System.err.println("--hours must be from 1 to " + MAX_HOURS + " (30 days)");
            return 2;
        }
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            System.err.println("give --role, one or more of " + ROLES);
            return 2;
        }
        DevKeys keys = DevKeys.in(home.resolve("keys"));
        System.out.println(keys.sign(DevKeys.claims(subject, roles, regions, Duration.ofHours(hours))));
        return 0;
    }
}
