package cn.bqw.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code ./bqw}: the whole platform on one machine. */
public final class Bqw {

    private Bqw() {}

    public static void main(String[] args) throws Exception {
        // The launcher reports its own progress; the libraries' chatter goes nowhere but their failures.
        Logger.getLogger("").setLevel(Level.SEVERE);
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Path root =
                Path.of(System.getProperty("bqw.root", ".")).toAbsolutePath().normalize();
        Path home = System.getenv("BQW_HOME") == null ? root.resolve(".bqw") : Path.of(System.getenv("BQW_HOME"));
        int exit;
        try {
            exit = run(command, rest, root, home);
        } catch (IllegalArgumentException wrongUse) {
            System.err.println(command + ": " + wrongUse.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    private static int run(String command, List<String> rest, Path root, Path home) throws Exception {
        return switch (command) {
            case "up" -> {
                Options options = Options.parse(rest, Set.of("--fresh", "--no-demo"), Set.of());
                yield new Up(root, home, options.flag("--fresh"), !options.flag("--no-demo")).run();
            }
            case "load" -> new DemoCommand(home).load(rest);
            case "demo-check" -> new DemoCommand(home).check();
            case "down" -> LocalState.in(home)
                    .down(
                            root,
                            home,
                            Options.parse(rest, Set.of("--yes"), Set.of()).flag("--yes"));
            case "status" -> LocalState.in(home).status();
            case "token" -> TokenCommand.run(home, rest);
            case "help", "--help", "-h" -> help(0);
            default -> {
                System.err.println("unknown command: " + command);
                yield help(2);
            }
        };
    }

    private static int help(int exit) {
        System.out.println(
                """
                usage: ./bqw <command>
                  up [--fresh] [--no-demo]
                                   start PostgreSQL, Kafka and the four services; Ctrl-C stops them all
                                   (--fresh wipes the data directory first); on an empty data directory,
                                   loads the demo city through the REST APIs (--no-demo: leave it empty)
                  load [--villages N] [--seed N] [--months M] [--cities N]
                                   load a generated city into the running platform (default: the demo
                                   city, 2,500 villages, values January–November 2025); with --cities
                                   2 to 9, a province (990000000000) of that many cities sharing them
                  demo-check       compare every loaded city's overview and county rankings (and the
                                   province's, with its cities ranked) with the figures the generator
                                   computed for the loaded data set; print any difference
                  down [--yes]     stop a running 'up' from another shell, and offer to stop processes of
                                   this checkout still holding the platform's ports (--yes: without asking)
                  status           what is running, and whether each service is ready
                  token --role R [--region CODE]... [--subject NAME] [--hours N]
                                   print a bearer token signed by the local dev key
                  bench villages|observations|outbox|freshness|overview|rebuild|hot-rows [-Dname=value]...
                                   run a benchmark against the running platform (see the READMEs)
                  check dashboard-live
                                   the open dashboard shows a value posted to indicator-service
                  screenshots      the dashboard's screenshots in report-service's README
                environment: BQW_HOME (data directory, default ./.bqw), BQW_JDBC_URL with BQW_JDBC_USER and
                BQW_JDBC_PASSWORD (an external PostgreSQL), KAFKA_BOOTSTRAP_SERVERS (an external Kafka)""");
        return exit;
    }
}
