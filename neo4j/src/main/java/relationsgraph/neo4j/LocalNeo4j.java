package relationsgraph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;

/**
 * Embedded Neo4j Community with Bolt on 127.0.0.1, for local development and tests.
 *
 * <p>Usage: {@code LocalNeo4j <homeDir> <port>}. Environment overrides: NEO4J_LOCAL_PAGECACHE
 * (default 256m), NEO4J_LOCAL_TX_TIMEOUT (e.g. 60s; default none), both in Neo4j's config syntax.
 */
public final class LocalNeo4j {
  static final String HOST = "127.0.0.1";
  /** Exit code the Node launcher maps to its "port in use" error. */
  static final int EXIT_PORT_IN_USE = 3;

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LocalNeo4j <homeDir> <port>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    if (!portIsFree(port)) {
      System.err.println(
          "PORT_IN_USE port " + port + " on " + HOST + " is in use by another program");
      System.exit(EXIT_PORT_IN_USE);
    }

    // Auth and TLS are off, which is only acceptable because Bolt listens on loopback.
    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            // Avoids a 256 MB preallocated transaction log per data folder.
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            // Netty's default 5 s quiet period, paid twice, would make every stop take 10 s.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
    setFromEnv(builder, GraphDatabaseSettings.pagecache_memory, "NEO4J_LOCAL_PAGECACHE", "256m");
    setFromEnv(builder, GraphDatabaseSettings.transaction_timeout, "NEO4J_LOCAL_TX_TIMEOUT", null);

    DatabaseManagementService service;
    try {
      service = builder.build();
    } catch (RuntimeException e) {
      e.printStackTrace();
      // Last line, so the root cause survives the launcher keeping only the output's tail.
      System.err.println(
          "FAILED " + rootCause(e) + " (details: " + home.resolve("logs/debug.log") + ")");
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "local-neo4j-shutdown"));
    exitOnStdinEof();
    System.out.println("READY bolt://" + HOST + ":" + port);
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Same option Netty uses, so a lingering TIME_WAIT from a previous run is not "in use".
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String rootCause(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    return e.getMessage();
  }

  private static <T> void setFromEnv(
      DatabaseManagementServiceBuilder builder, Setting<T> setting, String env, String fallback) {
    String raw = System.getenv().getOrDefault(env, fallback);
    if (raw != null && !raw.isBlank()) {
      builder.setConfig(setting, ((SettingImpl<T>) setting).parse(raw.trim()));
    }
  }

  /** The parent holds stdin open; EOF means it is gone, so shut down rather than outlive it. */
  private static void exitOnStdinEof() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // Input is ignored; only EOF matters.
                }
              } catch (IOException ignored) {
                // A broken stdin also means the parent is gone.
              }
              System.out.println("stdin closed, shutting down");
              System.exit(0);
            },
            "local-neo4j-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }
}
