package org.tandem.bot.conversation.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.tandem.core.people.DirectoryRow;
import org.tandem.core.text.SearchText;

/**
 * Reads a directory file: CSV (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252;
 * comma, semicolon or tab, whichever the header uses) or XLSX (its first sheet). The first line
 * names the columns, in English, French or German; only the email column is required. Line numbers
 * are those a spreadsheet shows (the header is line 1). Reading is the adapter's part; what a valid
 * row is, the core decides.
 */
public final class DirectoryFile {

  /** The largest file read: 100,000 people take about 8 MB of CSV. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** The most people one file holds. */
  public static final int MAX_ROWS = 200_000;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The columns, and the header words (folded, no spaces) that name each. */
  enum Column {
    EMAIL(
        "email",
        "mail",
        "emailaddress",
        "workemail",
        "courriel",
        "adresseemail",
        "adressemail",
        "adressecourriel",
        "emailadresse",
        "mailadresse"),
    NAME(
        "name",
        "fullname",
        "displayname",
        "nom",
        "nomcomplet",
        "nomprenom",
        "prenomnom",
        "nometprenom",
        "prenometnom",
        "vollername",
        "vollstandigername",
        "anzeigename"),
    FIRST_NAME("firstname", "givenname", "prenom", "vorname"),
    LAST_NAME("lastname", "surname", "familyname", "nomdefamille", "nachname", "familienname"),
    SITE(
        "site",
        "office",
        "location",
        "worksite",
        "bureau",
        "lieu",
        "lieudetravail",
        "sitedetravail",
        "etablissement",
        "standort",
        "arbeitsort",
        "buro",
        "niederlassung"),
    DEPARTMENT(
        "department",
        "dept",
        "team",
        "service",
        "departement",
        "direction",
        "equipe",
        "abteilung",
        "bereich"),
    COUNTRY("country", "countrycode", "pays", "codepays", "land", "landercode", "landeskennung"),
    MANAGER(
        "manageremail",
        "manager",
        "linemanager",
        "linemanageremail",
        "manageremailaddress",
        "supervisoremail",
        "emailmanager",
        "emaildumanager",
        "responsable",
        "emailresponsable",
        "emailduresponsable",
        "responsablehierarchique",
        "vorgesetzter",
        "vorgesetzte",
        "vorgesetzteremail",
        "vorgesetztenemail",
        "emaildesvorgesetzten",
        "fuhrungskraft");

    final Set<String> words;

    Column(String... words) {
      this.words = Set.of(words);
    }
  }

  /** What reading gave: rows, or the problem (a message key of {@code directory.file.*}). */
  public record Read(List<DirectoryRow> rows, String problem, Object[] args) {
    public Read {
      rows = List.copyOf(rows);
      args = args == null ? new Object[0] : args.clone();
    }

    static Read rows(List<DirectoryRow> rows) {
      return new Read(rows, null, null);
    }

    static Read problem(String key, Object... args) {
      return new Read(List.of(), key, args);
    }

    public boolean ok() {
      return problem == null;
    }

    @Override
    public Object[] args() {
      return args.clone();
    }
  }

  private DirectoryFile() {}

  /** Whether a file of this name may be a directory file. */
  public static boolean looksLikeOne(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".txt");
  }

  public static Read read(String name, byte[] content) {
    if (content.length > MAX_BYTES) {
      return Read.problem("directory.file.too-large", MAX_BYTES / (1024 * 1024));
    }
    if (starts(content, 'P', 'K', 3, 4)) {
      return xlsx(content);
    }
    // An old .xls (OLE2) is not read: Excel saves it as .xlsx or .csv.
    if (starts(content, 0xd0, 0xcf, 0x11, 0xe0) || !looksLikeOne(name)) {
      return Read.problem("directory.file.unreadable");
    }
    return csv(text(content));
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The bytes as text: a BOM says the encoding; else UTF-8 if they are, else Windows-1252. */
  static String text(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(b, WINDOWS_1252);
    }
  }

  /** The header line's most frequent separator, out of quotes: Excel in French writes ';'. */
  static char delimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          comma++;
        } else if (c == ';') {
          semicolon++;
        } else if (c == '\t') {
          tab++;
        }
      }
    }
    if (tab > comma && tab > semicolon) {
      return '\t';
    }
    return semicolon > comma ? ';' : ',';
  }

  private static Read csv(String text) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter(text))
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<Column, Integer> columns = null;
      List<DirectoryRow> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber();
        List<String> cells = record.toList();
        if (blank(cells)) {
          continue;
        }
        if (columns == null) {
          columns = columns(cells);
          if (!columns.containsKey(Column.EMAIL)) {
            return Read.problem("directory.file.no-email", String.join(", ", cells));
          }
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          return Read.problem("directory.file.too-many-rows", MAX_ROWS);
        }
        rows.add(row(line, columns, cells));
      }
      return finished(columns, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      // commons-csv says a quote is not closed: the file is not CSV as written.
      return Read.problem("directory.file.unreadable");
    }
  }

  private static Read xlsx(byte[] content) {
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(content));
        Stream<Row> sheet = book.getFirstSheet().openStream()) {
      Map<Column, Integer> columns = null;
      List<DirectoryRow> rows = new ArrayList<>();
      for (Row r : (Iterable<Row>) sheet::iterator) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.getCellCount(); i++) {
          cells.add(r.hasCell(i) ? cellText(r, i) : "");
        }
        if (blank(cells)) {
          continue;
        }
        if (columns == null) {
          columns = columns(cells);
          if (!columns.containsKey(Column.EMAIL)) {
            return Read.problem("directory.file.no-email", String.join(", ", cells));
          }
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          return Read.problem("directory.file.too-many-rows", MAX_ROWS);
        }
        rows.add(row(r.getRowNum(), columns, cells));
      }
      return finished(columns, rows);
    } catch (IOException | RuntimeException e) {
      return Read.problem("directory.file.unreadable");
    }
  }

  private static String cellText(Row r, int i) {
    String t = r.getCellText(i);
    return t == null ? "" : t.strip();
  }

  private static Read finished(Map<Column, Integer> columns, List<DirectoryRow> rows) {
    if (columns == null || rows.isEmpty()) {
      return Read.problem("directory.file.empty");
    }
    return Read.rows(rows);
  }

  private static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  /** Which column holds what, by the header's words; the first column of a kind wins. */
  static Map<Column, Integer> columns(List<String> header) {
    Map<Column, Integer> found = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String word = SearchText.fold(header.get(i).replace("\ufeff", "")).replace(" ", "");
      for (Column c : Column.values()) {
        if (c.words.contains(word)) {
          found.putIfAbsent(c, i);
        }
      }
    }
    return found;
  }

  private static DirectoryRow row(int line, Map<Column, Integer> columns, List<String> cells) {
    String name = cell(columns, Column.NAME, cells);
    String first = cell(columns, Column.FIRST_NAME, cells);
    String last = cell(columns, Column.LAST_NAME, cells);
    if (first != null || last != null) {
      // "Prénom" and "Nom" side by side: "Nom" is then the family name.
      String family = last != null ? last : name;
      name = String.join(" ", Stream.of(first, family).filter(s -> s != null).toList()).strip();
    }
    return new DirectoryRow(
        line,
        cell(columns, Column.EMAIL, cells),
        name,
        cell(columns, Column.SITE, cells),
        cell(columns, Column.DEPARTMENT, cells),
        cell(columns, Column.COUNTRY, cells),
        cell(columns, Column.MANAGER, cells));
  }

  /** The cell of a column: null when the file has no such column, "" when the cell is empty. */
  private static String cell(Map<Column, Integer> columns, Column c, List<String> cells) {
    Integer i = columns.get(c);
    if (i == null) {
      return null;
    }
    return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
  }
}
