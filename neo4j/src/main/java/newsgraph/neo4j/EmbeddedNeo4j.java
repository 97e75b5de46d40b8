// Runs Neo4j 5.26 Community in this JVM with one Bolt connector on 127.0.0.1, APOC core loaded from the plugins directory.
package newsgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The launcher speaks a tiny line protocol on stdout so server/db/embedded.ts can follow it:
 * exactly one {@code READY bolt://127.0.0.1:<port>} once Bolt accepts connections, or one
 * {@code ERROR <CODE> <message>} before exiting non-zero. Everything else goes to stderr.
 *
 * Authentication is disabled: the connector binds to the loopback interface only, and the
 * driver's credentials (whatever they are) are accepted, so the same Node code works against
 * this database and against a real server with auth.
 */
public final class EmbeddedNeo4j {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int EXIT_USAGE = 64;
    private static final int EXIT_START_FAILED = 70;
    private static final long BOLT_PROBE_TIMEOUT_MS = 10_000;

    private EmbeddedNeo4j() {}

    /** Command-line options; each one documents its default. */
    private static final class Options {
        /** Neo4j home: databases under data/, debug.log under logs/. */
        Path dataDir = Path.of(".data", "neo4j");
        /** 0 asks the operating system for a free port; the chosen one is printed on the READY line. */
        int boltPort = 7687;
        /** Page cache for the store files; small by default because the graphs here are small. */
        String pageCache = "512m";
        /** Directory whose jars are loaded as procedure plugins (APOC core). */
        Path pluginDir = Path.of("plugins");
        /** Shut down when stdin closes, so a parent that dies without signalling does not leave the store locked. */
        boolean exitWhenStdinCloses = false;
    }

    public static void main(String[] args) {
        // The launcher's own protocol must not interleave with anything Neo4j might print.
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            protocol.println("ERROR USAGE " + e.getMessage());
            System.err.println("usage: EmbeddedNeo4j [--data-dir DIR] [--bolt-port N] [--page-cache SIZE] [--plugins DIR] [--exit-when-stdin-closes]");
            System.exit(EXIT_USAGE);
            return;
        }

        DatabaseManagementService dbms;
        try {
            dbms = start(options);
        } catch (Throwable e) {
            protocol.println("ERROR " + classify(e) + " " + describe(e, options));
            e.printStackTrace();
            System.exit(EXIT_START_FAILED);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and SIGINT run shutdown hooks; shutting the DBMS down there flushes the page cache and
        // checkpoints, which is what lets the next start skip recovery and keep every committed write.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                protocol.println("STOPPED");
            } finally {
                stopped.countDown();
            }
        }, "newsgraph-neo4j-shutdown"));

        String boltUri;
        try {
            int port = boundBoltPort(dbms);
            awaitBolt(port);
            boltUri = "bolt://" + LOOPBACK + ":" + port;
        } catch (Throwable e) {
            protocol.println("ERROR BOLT_UNAVAILABLE " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        }
        protocol.println("READY " + boltUri);

        if (options.exitWhenStdinCloses) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // Input is ignored; only its end matters.
                    }
                } catch (IOException ignored) {
                    // A broken pipe means the parent is gone just as surely as EOF does.
                }
                System.exit(0);
            }, "newsgraph-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data-dir" -> options.dataDir = Path.of(value(args, ++i, arg));
                case "--bolt-port" -> {
                    String raw = value(args, ++i, arg);
                    try {
                        options.boltPort = Integer.parseInt(raw);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--bolt-port " + raw + " is not a number: give 0..65535");
                    }
                    if (options.boltPort < 0 || options.boltPort > 65535) {
                        throw new IllegalArgumentException("--bolt-port " + raw + " is out of range: give 0..65535");
                    }
                }
                case "--page-cache" -> options.pageCache = value(args, ++i, arg);
                case "--plugins" -> options.pluginDir = Path.of(value(args, ++i, arg));
                case "--exit-when-stdin-closes" -> options.exitWhenStdinCloses = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        try {
            ByteUnit.parse(options.pageCache);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--page-cache " + options.pageCache + " is not a size: use e.g. 512m or 2g");
        }
        return options;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static DatabaseManagementService start(Options options) throws IOException {
        Path home = options.dataDir.toAbsolutePath();
        Files.createDirectories(home);
        Path plugins = options.pluginDir.toAbsolutePath();
        if (!Files.isDirectory(plugins)) {
            throw new IllegalStateException("plugins directory " + plugins + " is missing (APOC core lives there): run npm install");
        }
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, options.boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache))
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                // @neo4j/graphql calls APOC functions that need unrestricted access to internals.
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("*"))
                // The project works offline; nothing should try to phone home.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default graceful shutdown idles 5 s twice; the databases are already checkpointed by then,
                // so waiting only delays Ctrl-C and every test run.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
    }

    /** The port Bolt really bound, which differs from the requested one when 0 was asked for. */
    private static int boundBoltPort(DatabaseManagementService dbms) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        ConnectorPortRegister ports = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        HostnamePort address = ports.getLocalAddress(ConnectorType.BOLT);
        if (address == null) {
            throw new IllegalStateException("Neo4j started without a Bolt connector: is neo4j-bolt on the class path?");
        }
        return address.getPort();
    }

    /** Connects once, so READY is only printed when a client could connect too. */
    private static void awaitBolt(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BOLT_PROBE_TIMEOUT_MS;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Bolt on " + LOOPBACK + ":" + port + " refused connections for " + BOLT_PROBE_TIMEOUT_MS + " ms: " + e.getMessage());
                }
                Thread.sleep(100);
            }
        }
    }

    /** A stable code the Node side can map to advice, found by walking the cause chain. */
    private static String classify(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            String name = e.getClass().getSimpleName();
            String message = String.valueOf(e.getMessage());
            if (name.equals("FileLockException") || message.contains("store_lock") || message.contains("locked by another process")) {
                return "DATA_DIR_LOCKED";
            }
            if (name.equals("PortBindException") || e instanceof java.net.BindException) {
                return "PORT_IN_USE";
            }
        }
        return "START_FAILED";
    }

    private static String describe(Throwable error, Options options) {
        return switch (classify(error)) {
            case "DATA_DIR_LOCKED" -> "the data directory " + options.dataDir.toAbsolutePath()
                    + " is in use by another Neo4j process: stop that process (another `npm start`?) or use a different data directory";
            case "PORT_IN_USE" -> "Bolt port " + options.boltPort + " on " + LOOPBACK
                    + " is taken by another process: stop it, or choose another port (0 picks a free one)";
            default -> rootMessage(error);
        };
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        StringBuilder chain = new StringBuilder(String.valueOf(error.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            chain.append(" <- ").append(root.getMessage());
        }
        return chain.toString().replace('\n', ' ');
    }
}
