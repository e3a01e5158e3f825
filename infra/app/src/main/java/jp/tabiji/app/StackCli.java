package jp.tabiji.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The commands that set up and run the local stack and the demo. */
final class StackCli {
    private StackCli() {
    }

    @Command(name = "demo", description = {"Set up, simulate a few days, replay them, show the results, then serve "
            + "the dashboard with a one-time admin sign-in link (on a terminal)."})
    static final class Demo implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--no-serve", description = "stop after the results instead of serving the dashboard")
        boolean noServe;
        @Option(names = "--days", paramLabel = "N", description = "days to simulate (default: ${DEFAULT-VALUE})")
        int days = 3;
        @Option(names = "--devices", paramLabel = "N", description = "tourists' devices (default: ${DEFAULT-VALUE})")
        int devices = 2500;
        @Option(names = "--seed", paramLabel = "N", description = "the simulation's seed (default: ${DEFAULT-VALUE})")
        int seed = 42;

        @Override
        public Integer call() throws Exception {
            return root.commands().demo(days, devices, seed, noServe);
        }
    }

    @Command(name = "up", description = "Start the local Kafka (KRaft) and ClickHouse, and apply the schema.")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;

        @Override
        public Integer call() throws Exception {
            return root.commands().up();
        }
    }

    @Command(name = "schema", description = {"Apply Tabiji's schema to the configured ClickHouse "
            + "(TABIJI_CLICKHOUSE, TABIJI_CLICKHOUSE_DB): the pending migrations on one server, or with --cluster "
            + "the replicated tables sharded by device behind Distributed ones, ON CLUSTER '{cluster}' "
            + "(infra/deploy/clickhouse/replicated.sql; the servers need remote_servers, macros and ZooKeeper)."})
    static final class Schema implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;
        @Option(names = "--cluster", description = "create the database on a replicated, sharded cluster")
        boolean cluster;

        @Override
        public Integer call() throws Exception {
            return root.commands().schema(cluster);
        }
    }

    @Command(name = "down", description = "Stop the local stack.")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;

        @Override
        public Integer call() throws Exception {
            return root.commands().down();
        }
    }

    @Command(name = "status", description = "Show the local stack's state (exit code 3 when it is down).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        TabijiCli root;

        @Override
        public Integer call() throws Exception {
            return root.commands().status();
        }
    }
}
