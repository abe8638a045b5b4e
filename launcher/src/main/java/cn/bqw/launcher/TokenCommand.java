package cn.bqw.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        Set<String> roles = new LinkedHashSet<>();
        List<String> regions = new ArrayList<>();
        String subject = "bqw-local";
        long hours = 12;
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--role" -> roles.add(require(value, "--role"));
                case "--region" -> regions.add(require(value, "--region"));
                case "--subject" -> subject = require(value, "--subject");
                case "--hours" -> hours = Long.parseLong(require(value, "--hours"));
                default -> {
                    System.err.println("unknown option: " + args.get(i));
                    return 2;
                }
            }
            i++;
        }
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

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
