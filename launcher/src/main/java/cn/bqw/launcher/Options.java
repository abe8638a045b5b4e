package cn.bqw.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The launcher's one reader of command-line options: {@code --flag}s, and {@code --name value}
 * options that may repeat. An option a command does not take, or a value missing, is an error the
 * command reports (exit 2), not something quietly passed over.
 */
final class Options {

    private final Set<String> flagsGiven;
    private final Map<String, List<String>> values;

    private Options(Set<String> flagsGiven, Map<String, List<String>> values) {
        this.flagsGiven = flagsGiven;
        this.values = values;
    }

    /** {@code args} read as the {@code flags} and {@code named} options a command takes. */
    static Options parse(List<String> args, Set<String> flags, Set<String> named) {
        Set<String> given = new java.util.HashSet<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (flags.contains(arg)) {
                given.add(arg);
            } else if (named.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                values.computeIfAbsent(arg, name -> new ArrayList<>()).add(args.get(++i));
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return new Options(given, values);
    }

    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    /** The option's value (the last, when given more than once). */
    Optional<String> value(String name) {
        List<String> all = values(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The option's value as a whole number; one that is not is an error naming the option. */
    Optional<Long> number(String name) {
        return value(name).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + text);
            }
        });
    }
}
