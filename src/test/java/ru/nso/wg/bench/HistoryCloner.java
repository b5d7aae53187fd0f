package ru.nso.wg.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Seeds a database with many meetings fast: a few template meetings are driven through the engine for real
 * ({@link MeetingDriver}), then every row they left — in the engine's runtime and history tables
 * ({@code ACT_RU_*}, {@code ACT_HI_*}, their {@code ACT_GE_BYTEARRAY} values) and in the application's record
 * ({@code wg_*}) — is copied {@code copies} times with new identities: every engine ID the templates created
 * (time-based UUIDs, the engine's default id generator) gets a new node part per copy, and every meeting key
 * ({@code 2027-5}, {@code 2027-5/3} for its decisions) a new meeting number. The copies are therefore real process
 * instances the engine can continue, query and authorize like the templates. Not copied: stored document bytes
 * ({@code wg_document}) and meter logs. PostgreSQL is written with COPY, copy after copy; H2 with JDBC batches,
 * row after row (all copies of a template row together).
 */
final class HistoryCloner {

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final List<String> FIRST = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task");
  private static final Set<String> SKIP = Set.of("act_ru_meter_log", "act_ru_task_meter_log", "act_ge_schema_log",
      "act_ge_property", "wg_document", "wg_schema_history");

  private final DataSource dataSource;
  private final boolean postgres;
  private Map<String, Set<String>> baseline;

  HistoryCloner(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection c = dataSource.getConnection()) {
      this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
  }

  /** Remembers the rows already there: only rows created after this call (by the templates) are copied. */
  void baseline() throws SQLException {
    baseline = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (String table : engineTables(c)) {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID_ FROM " + table)) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        baseline.put(table.toLowerCase(Locale.ROOT), ids);
      }
    }
  }

  /**
   * Copies the templates' rows {@code copies} times. {@code templateKeys} are the business keys of the template
   * meetings; the copies get meeting numbers above every number in use. Returns the number of rows written.
   */
  long cloneTemplates(List<String> templateKeys, int copies) throws Exception {
    long written = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      if (!postgres) {
        try (Statement s = c.createStatement()) {
          s.execute("SET REFERENTIAL_INTEGRITY FALSE");
          // the embedded default writes every commit to the file (WRITE_DELAY=0); the copy commits every 1,000 rows
          // and needs no such durability, so it runs with H2's own default and restores the setting at the end
          s.execute("SET WRITE_DELAY 500");
        }
      }
      Map<String, List<Object[]>> rows = new LinkedHashMap<>();
      Map<String, List<Column>> columns = new LinkedHashMap<>();
      Set<String> created = new HashSet<>();
      List<String> tables = new ArrayList<>(engineTables(c));
      tables.sort((a, b) -> order(a) - order(b));
      for (String table : tables) {
        if (SKIP.contains(table.toLowerCase(Locale.ROOT))) {
          continue;
        }
        Set<String> before = baseline.getOrDefault(table.toLowerCase(Locale.ROOT), Set.of());
        List<Object[]> fresh = new ArrayList<>();
        List<Column> cols = load(c, "SELECT * FROM " + table, fresh, null);
        int id = indexOf(cols, "id_");
        fresh.removeIf(r -> before.contains((String) r[id]));
        for (Object[] r : fresh) {
          Matcher m = UUID.matcher((String) r[id]);
          while (m.find()) {
            created.add(m.group());
          }
        }
        rows.put(table, fresh);
        columns.put(table, cols);
      }
      Set<String> keys = new HashSet<>(templateKeys);
      for (String table : appTables(c)) {
        if (SKIP.contains(table.toLowerCase(Locale.ROOT))) {
          continue;
        }
        List<Object[]> all = new ArrayList<>();
        List<Column> cols = load(c, "SELECT * FROM " + table, all, "id");
        int keyCol = firstIndex(cols, "business_key", "meeting_key", "decision_key");
        all.removeIf(r -> keyCol < 0 || r[keyCol] == null || !keys.contains(((String) r[keyCol]).split("/")[0]));
        rows.put(table, all);
        columns.put(table, cols);
      }
      Map<Integer, Integer> maxNumber = new HashMap<>();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery(
               "SELECT meeting_year, MAX(meeting_number) FROM wg_meeting GROUP BY meeting_year")) {
        while (rs.next()) {
          maxNumber.put(rs.getInt(1), rs.getInt(2));
        }
      }
      List<Copy> copyList = new ArrayList<>();
      for (int k = 1; k <= copies; k++) {
        Map<String, String> keyMap = new HashMap<>();
        Map<Integer, Integer> numberMap = new HashMap<>();
        for (int t = 0; t < templateKeys.size(); t++) {
          String key = templateKeys.get(t);
          int year = Integer.parseInt(key.substring(0, key.indexOf('-')));
          int templateNumber = Integer.parseInt(key.substring(key.indexOf('-') + 1));
          int number = maxNumber.getOrDefault(year, 0) + (k - 1) * templateKeys.size() + t + 1;
          keyMap.put(key, year + "-" + number);
          numberMap.put(templateNumber, number);
        }
        copyList.add(new Copy(String.format("c1%010x", k), keyMap, numberMap));
      }
      for (Map.Entry<String, List<Object[]>> e : rows.entrySet()) {
        String table = e.getKey();
        List<Column> cols = columns.get(table);
        List<Object[]> template = e.getValue();
        if (template.isEmpty()) {
          continue;
        }
        long started = System.nanoTime();
        List<String> indexes = postgres ? dropSecondaryIndexes(c, table) : List.of();
        Writer writer = postgres ? new CopyWriter(c, table, cols) : new BatchWriter(c, table, cols);
        int meetingNumber = table.equalsIgnoreCase("wg_meeting") ? indexOf(cols, "meeting_number") : -1;
        if (postgres) {
          // copy after copy (row after row, as for H2 below, was no faster here: 125 s either way for the Tasklist
          // seed; the query indexes are built after the copy, and the order would change the tables' layout)
          for (Copy copy : copyList) {
            for (Object[] row : template) {
              writer.write(copy.of(row, created, meetingNumber));
            }
          }
        } else {
          // H2 (MVStore, copy-on-write, indexes kept): the copies of one row differ only in the node part of their
          // IDs, so written together they land on the same few pages of each index instead of pages all over it,
          // and each commit rewrites fewer pages (the start-up seed's ACT_HI_DETAIL: 38 s instead of 98 s)
          for (Object[] row : template) {
            for (Copy copy : copyList) {
              writer.write(copy.of(row, created, meetingNumber));
            }
          }
        }
        written += (long) template.size() * copies;
        writer.finish();
        try (Statement s = c.createStatement()) {
          for (String definition : indexes) {
            s.execute(definition);
          }
        }
        c.commit();
        System.out.printf("[bench] copied %s: %d rows in %.1f s%n", table, (long) template.size() * copies,
            (System.nanoTime() - started) / 1e9);
      }
      if (!postgres) {
        try (Statement s = c.createStatement()) {
          s.execute("SET REFERENTIAL_INTEGRITY TRUE");
          s.execute("SET WRITE_DELAY 0");
        }
      }
      c.commit();
    }
    return written;
  }

  /**
   * PostgreSQL: drops the table's indexes that back no constraint (the engine's and the application's query indexes)
   * in the transaction of its copy and returns their definitions, to be created again after the COPY: one index build
   * over millions of rows is cheaper than maintaining ten indexes row by row (the Tasklist seed writes 1.7 million
   * {@code ACT_HI_DETAIL} rows). Primary, unique and foreign keys stay and are checked. (H2 gained nothing from the
   * same: tried, not kept.)
   */
  private static List<String> dropSecondaryIndexes(Connection c, String table) throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL maintenance_work_mem = '256MB'");
      List<String> names = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("SELECT x.indexrelid::regclass::text, "
          + "pg_get_indexdef(x.indexrelid) FROM pg_index x WHERE x.indrelid = to_regclass(?) "
          + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)")) {
        q.setString(1, table);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
            definitions.add(rs.getString(2));
          }
        }
      }
      for (String name : names) {
        s.execute("DROP INDEX " + name);
      }
    }
    return definitions;
  }

  private static int order(String table) {
    int i = FIRST.indexOf(table.toLowerCase(Locale.ROOT));
    return i >= 0 ? i : FIRST.size();
  }

  /** One copy's identities: the node part of its engine IDs and its meeting keys and numbers. */
  private record Copy(String prefix, Map<String, String> keys, Map<Integer, Integer> numbers) {
    Object[] of(Object[] row, Set<String> created, int meetingNumber) {
      Object[] copy = new Object[row.length];
      for (int i = 0; i < row.length; i++) {
        Object v = row[i];
        if (v instanceof String s) {
          v = transform(s, created, prefix, keys);
        } else if (i == meetingNumber) {
          v = numbers.getOrDefault(((Number) v).intValue(), ((Number) v).intValue());
        }
        copy[i] = v;
      }
      return copy;
    }
  }

  private static String transform(String value, Set<String> created, String prefix, Map<String, String> keys) {
    String mapped = keys.get(value);
    if (mapped != null) {
      return mapped;
    }
    int slash = value.indexOf('/');
    if (slash > 0 && slash < 12) {
      String meeting = keys.get(value.substring(0, slash));
      if (meeting != null) {
        return meeting + value.substring(slash);
      }
    }
    if (value.length() < 36 || value.indexOf('-') < 0) {
      return value;
    }
    Matcher m = UUID.matcher(value);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      if (created.contains(m.group())) {
        if (sb == null) {
          sb = new StringBuilder(value.length());
        }
        // the engine's UUIDs are time-based (version 1): the node, the last 12 digits, is the same for all of them
        sb.append(value, last, m.end() - 12).append(prefix);
        last = m.end();
      }
    }
    if (sb == null) {
      return value;
    }
    return sb.append(value, last, value.length()).toString();
  }

  // --- reading ----------------------------------------------------------------------------------------------

  record Column(String name, int type, boolean binary) {
  }

  private List<Column> load(Connection c, String sql, List<Object[]> into, String skipColumn) throws SQLException {
    List<Column> cols = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (skipColumn != null && md.getColumnName(i).equalsIgnoreCase(skipColumn)) {
          continue;
        }
        int type = md.getColumnType(i);
        boolean binary = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
            || type == Types.BLOB;
        cols.add(new Column(md.getColumnName(i), type, binary));
        indexes.add(i);
      }
      while (rs.next()) {
        Object[] row = new Object[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
          int i = indexes.get(j);
          Column col = cols.get(j);
          if (col.binary) {
            row[j] = rs.getBytes(i);
          } else if (postgres) {
            row[j] = col.name.equalsIgnoreCase("meeting_number") ? (Object) rs.getObject(i) : rs.getString(i);
          } else {
            row[j] = rs.getObject(i);
          }
        }
        into.add(row);
      }
    }
    return cols;
  }

  private static int indexOf(List<Column> cols, String name) {
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name.equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + name);
  }

  private static int firstIndex(List<Column> cols, String... names) {
    for (String name : names) {
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).name.equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static List<String> engineTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    for (String t : tables(c)) {
      String l = t.toLowerCase(Locale.ROOT);
      if ((l.startsWith("act_ru_") || l.startsWith("act_hi_") || l.equals("act_ge_bytearray")) && hasColumn(c, t,
          "id_")) {
        tables.add(t);
      }
    }
    return tables;
  }

  private static List<String> appTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    List<String> all = tables(c);
    for (String first : List.of("wg_meeting", "wg_controlled_decision")) {
      all.stream().filter(t -> t.equalsIgnoreCase(first)).forEach(tables::add);
    }
    all.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("wg_") && !tables.contains(t)).forEach(tables::add);
    return tables;
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData md = c.getMetaData();
    String schema = c.getSchema();
    try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, null)) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
          return true;
        }
      }
    }
    return false;
  }

  // --- writing ----------------------------------------------------------------------------------------------

  private interface Writer {
    void write(Object[] row) throws Exception;

    void finish() throws Exception;
  }

  private static String columnList(List<Column> cols) {
    return String.join(", ", cols.stream().map(Column::name).toList());
  }

  /** PostgreSQL: COPY ... FROM STDIN in text format. */
  private static final class CopyWriter implements Writer {
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(1 << 20);

    CopyWriter(Connection c, String table, List<Column> cols) throws SQLException {
      this.copy = c.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " (" + columnList(cols) + ") FROM STDIN");
    }

    @Override
    public void write(Object[] row) throws SQLException {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          buffer.append('\t');
        }
        Object v = row[i];
        if (v == null) {
          buffer.append("\\N");
        } else if (v instanceof byte[] bytes) {
          buffer.append("\\\\x");
          for (byte b : bytes) {
            buffer.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
          }
        } else {
          String s = v.toString();
          for (int j = 0; j < s.length(); j++) {
            char ch = s.charAt(j);
            switch (ch) {
              case '\\' -> buffer.append("\\\\");
              case '\t' -> buffer.append("\\t");
              case '\n' -> buffer.append("\\n");
              case '\r' -> buffer.append("\\r");
              default -> buffer.append(ch);
            }
          }
        }
      }
      buffer.append('\n');
      if (buffer.length() > (1 << 20)) {
        flush();
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }

    @Override
    public void finish() throws SQLException {
      flush();
      copy.endCopy();
    }
  }

  /** H2: batched INSERTs, committed per batch (one huge transaction makes H2's store grow and crawl). */
  private static final class BatchWriter implements Writer {
    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;

    BatchWriter(Connection c, String table, List<Column> cols) throws SQLException {
      this.connection = c;
      this.insert = c.prepareStatement("INSERT INTO " + table + " (" + columnList(cols) + ") VALUES ("
          + String.join(", ", cols.stream().map(x -> "?").toList()) + ")");
    }

    @Override
    public void write(Object[] row) throws SQLException {
      for (int i = 0; i < row.length; i++) {
        insert.setObject(i + 1, row[i]);
      }
      insert.addBatch();
      if (++pending == 1000) {
        insert.executeBatch();
        connection.commit();
        pending = 0;
      }
    }

    @Override
    public void finish() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
      }
      insert.close();
    }
  }
}
