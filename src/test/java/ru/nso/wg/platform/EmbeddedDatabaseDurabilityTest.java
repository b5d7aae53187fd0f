package ru.nso.wg.platform;

import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2 file database, the URL of {@code application.yaml}) keeps every committed transaction
 * when the application process is killed (SIGKILL) right after the commit returned: a child JVM commits rows one
 * by one with exactly that URL and reports each commit; it is killed at once after the last report, and every
 * reported row must be in the database afterwards. With H2's default write delay (500 ms) the commits of the last
 * half second are lost (issue 11, point 3: a vote acknowledged with HTTP 204 was gone after a kill).
 */
class EmbeddedDatabaseDurabilityTest {

  private static final int COMMITS = 20;

  @TempDir
  Path directory;

  @Test
  void everyCommitAcknowledgedBeforeAKillSurvivesIt() throws Exception {
    String url = embeddedDefaultUrl().replace("./data/wg-meetings",
        directory.resolve("wg-meetings").toAbsolutePath().toString().replace('\\', '/'));
    assertThat(url).startsWith("jdbc:h2:file:" + directory.toAbsolutePath().toString().replace('\\', '/'));

    try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE acknowledged (n INT PRIMARY KEY, note VARCHAR(100))");
      statement.execute("SHUTDOWN"); // closed cleanly: only the child's commits are at stake
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", classpath(), CommitThenWait.class.getName(), url,
        String.valueOf(COMMITS)).redirectErrorStream(true).start();
    int acknowledged = 0;
    List<String> output = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        if (line.startsWith("committed ")) {
          acknowledged = Integer.parseInt(line.substring("committed ".length()));
          if (acknowledged == COMMITS) {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).as("commits reported by the child: " + output).isEqualTo(COMMITS);

    try (Connection db = DriverManager.getConnection(url, "sa", "");
         Statement statement = db.createStatement();
         ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM acknowledged")) {
      rs.next();
      assertThat(rs.getInt(1)).as("rows committed and acknowledged before the kill, found after it")
          .isEqualTo(COMMITS);
    }
  }

  /** The default of {@code spring.datasource.url} ({@code ${DB_URL:default}}) in {@code application.yaml}. */
  static String embeddedDefaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties properties = yaml.getObject();
    assertThat(properties).isNotNull();
    String value = properties.getProperty("spring.datasource.url");
    assertThat(value).startsWith("${DB_URL:").endsWith("}");
    return value.substring("${DB_URL:".length(), value.length() - 1);
  }

  private static String classpath() throws URISyntaxException {
    String h2 = Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String tests = Path.of(CommitThenWait.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    return h2 + File.pathSeparator + tests;
  }

  /** The child: commits one row per transaction, prints each commit after it returned, then waits to be killed. */
  static final class CommitThenWait {

    public static void main(String[] args) throws SQLException, InterruptedException {
      int commits = Integer.parseInt(args[1]);
      try (Connection db = DriverManager.getConnection(args[0], "sa", "")) {
        db.setAutoCommit(false);
        for (int i = 1; i <= commits; i++) {
          try (Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO acknowledged VALUES (" + i + ", 'голос " + i + "')");
          }
          db.commit();
          System.out.println("committed " + i);
          System.out.flush();
        }
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      }
    }
  }
}
