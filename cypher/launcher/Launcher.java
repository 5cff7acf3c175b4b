// Starts an embedded Neo4j Community with its Bolt connector on 127.0.0.1, prints a readiness line,
// and shuts the database down cleanly on SIGINT/SIGTERM or when its parent closes stdin.
//
// Run:  java <jvm flags> -cp 'lib/*' Launcher.java --home DIR --port 7687 [--pagecache 512m] [--watch-stdin]
// Prints "ATLAS_NEO4J_READY bolt://127.0.0.1:PORT" once the database accepts queries, and
// "ATLAS_NEO4J_ERROR <code> <message>" before exiting non-zero when it cannot start.
// While it runs, DIR/atlas-neo4j.json announces it ({"uri", "pid", "startedAt"}) so that other commands
// (imports, exports) use this database instead of starting a second one on the same store; the file is
// removed on a clean stop, and a file left by a crash names a process that no longer runs.
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

public class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        final Path home = Path.of(require(opts, "home")).toAbsolutePath();
        int port = Integer.parseInt(require(opts, "port"));
        String pageCache = opts.getOrDefault("pagecache", "512m");

        // Checked before Neo4j starts so the message names the port, not a Netty stack trace.
        if (!portFree(port)) {
            fail("PORT_IN_USE", "Bolt port " + port + " on " + HOST + " is already in use");
        }
        Files.createDirectories(home);

        // Registered before build(): a signal or the parent's exit during a long start (recovery) still
        // shuts down whatever was started, and never leaves an orphaned database holding the store lock.
        final DatabaseManagementService[] holder = new DatabaseManagementService[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService running;
            synchronized (holder) {
                running = holder[0];
                holder[0] = null;
            }
            if (running != null) {
                removeAnnouncement(home);
                running.shutdown();
                System.out.println("ATLAS_NEO4J_STOPPED");
                System.out.flush();
            }
            stopped.countDown();
        }, "atlas-neo4j-shutdown"));
        if (opts.containsKey("watch-stdin")) watchStdin();

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                    .build();
        } catch (RuntimeException e) {
            if (causedBy(e, "FileLockException") || causedBy(e, "StoreLockException")) {
                fail("STORE_LOCKED", "the data folder " + home + " is used by another Neo4j process");
            }
            fail("START_FAILED", describe(e));
            return;
        }
        synchronized (holder) {
            holder[0] = service;
        }

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
            fail("START_FAILED", "the database did not become available within 5 minutes");
        }
        announce(home, "bolt://" + HOST + ":" + port);
        System.out.println("ATLAS_NEO4J_READY bolt://" + HOST + ":" + port);
        System.out.flush();

        stopped.await();
    }

    static final String ANNOUNCEMENT = "atlas-neo4j.json";

    /** Written atomically (temp file, then rename), so a reader never sees half a file. */
    private static void announce(Path home, String uri) {
        String json = "{\"uri\":\"" + uri + "\",\"pid\":" + ProcessHandle.current().pid()
                + ",\"startedAt\":\"" + java.time.Instant.now() + "\"}\n";
        try {
            Path temp = home.resolve(ANNOUNCEMENT + ".tmp");
            Files.writeString(temp, json);
            Files.move(temp, home.resolve(ANNOUNCEMENT), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not fatal: other commands then start their own Neo4j and report the store lock clearly.
            System.err.println("could not write " + ANNOUNCEMENT + ": " + e.getMessage());
        }
    }

    /** Removes the announcement if it is ours (a newer launcher on the same store may have replaced it). */
    private static void removeAnnouncement(Path home) {
        Path file = home.resolve(ANNOUNCEMENT);
        try {
            if (Files.exists(file) && Files.readString(file).contains("\"pid\":" + ProcessHandle.current().pid() + ",")) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // a stale file is detected by its dead pid
        }
    }

    /** The parent holds our stdin open; EOF means it exited (even if it was killed), so stop too. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) { /* ignore input */ }
            } catch (IOException ignored) {
                // treat a broken pipe like EOF
            }
            System.exit(0);
        }, "atlas-neo4j-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) return true;
        }
        return false;
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (text.length() > 0) text.append(" <- ");
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }

    private static void fail(String code, String message) {
        System.out.println("ATLAS_NEO4J_ERROR " + code + " " + message);
        System.out.flush();
        System.exit(2);
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null || value.isBlank()) {
            fail("BAD_ARGUMENTS", "missing --" + name);
        }
        return value;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) fail("BAD_ARGUMENTS", "unexpected argument " + arg);
            String name = arg.substring(2);
            if (name.equals("watch-stdin")) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                fail("BAD_ARGUMENTS", "missing value for " + arg);
            }
        }
        return opts;
    }
}
