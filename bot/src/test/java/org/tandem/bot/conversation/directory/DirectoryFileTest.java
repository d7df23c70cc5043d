package org.tandem.bot.conversation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.tandem.core.people.DirectoryRow;

/** Reading directory files as people save them from Excel, LibreOffice or an HR system. */
class DirectoryFileTest {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void utf8WithABomAndCommasInEnglish() {
    byte[] csv =
        ("\ufeffEmail,Name,Site,Department,Country,Manager email\r\n"
                + "claire@acme.lu,Claire Martin,Esch,Finance,LU,\r\n"
                + "\r\n"
                + "marc@acme.lu,\"Weber, Marc\",Esch,IT,lu,claire@acme.lu\r\n")
            .getBytes(StandardCharsets.UTF_8);
    DirectoryFile.Read read = DirectoryFile.read("staff.csv", csv);
    assertThat(read.ok()).isTrue();
    assertThat(read.rows())
        .containsExactly(
            new DirectoryRow(2, "claire@acme.lu", "Claire Martin", "Esch", "Finance", "LU", ""),
            // The blank line 3 is skipped, and counted: Marc is on line 4, as a spreadsheet shows.
            new DirectoryRow(
                4, "marc@acme.lu", "Weber, Marc", "Esch", "IT", "lu", "claire@acme.lu"));
  }

  @Test
  void windows1252AndSemicolonsInFrenchWithFirstAndLastNames() {
    byte[] csv =
        ("Courriel;Prénom;Nom;Établissement;Service;Pays;E-mail du responsable\r\n"
                + "lea@acme.lu;Léa;Müller;Thionville;Comptabilité;FR;\r\n")
            .getBytes(WINDOWS_1252);
    DirectoryFile.Read read = DirectoryFile.read("annuaire.csv", csv);
    assertThat(read.ok()).isTrue();
    assertThat(read.rows())
        .containsExactly(
            new DirectoryRow(
                2, "lea@acme.lu", "Léa Müller", "Thionville", "Comptabilité", "FR", ""));
  }

  @Test
  void germanHeadersAndMissingColumnsAreNullNotEmpty() {
    byte[] csv =
        "E-Mail;Vollständiger Name;Abteilung\nanna@acme.de;Anna Groß;Einkauf\n"
            .getBytes(StandardCharsets.UTF_8);
    DirectoryRow row = DirectoryFile.read("verzeichnis.csv", csv).rows().get(0);
    assertThat(row)
        .isEqualTo(new DirectoryRow(2, "anna@acme.de", "Anna Groß", null, "Einkauf", null, null));
  }

  @Test
  void xlsxFromItsFirstSheet() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "Tandem", "1.0");
    Worksheet sheet = book.newWorksheet("People");
    List<String> header =
        List.of("Email", "Name", "Site", "Department", "Country", "Manager email");
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
    }
    sheet.value(1, 0, "claire@acme.lu");
    sheet.value(1, 1, "Claire Martin");
    sheet.value(1, 4, "LU");
    sheet.value(2, 0, "marc@acme.lu");
    sheet.value(2, 1, "Marc Weber");
    sheet.value(2, 2, "Esch");
    sheet.value(2, 3, 42); // a department that Excel took for a number
    sheet.value(2, 5, "claire@acme.lu");
    book.finish();
    DirectoryFile.Read read = DirectoryFile.read("staff.xlsx", out.toByteArray());
    assertThat(read.ok()).isTrue();
    assertThat(read.rows())
        .containsExactly(
            new DirectoryRow(2, "claire@acme.lu", "Claire Martin", "", "", "LU", ""),
            new DirectoryRow(3, "marc@acme.lu", "Marc Weber", "Esch", "42", "", "claire@acme.lu"));
  }

  @Test
  void whatCannotBeReadSaysWhy() {
    assertThat(
            DirectoryFile.read(
                    "staff.csv", "Name,Site\nAna,Esch\n".getBytes(StandardCharsets.UTF_8))
                .problem())
        .isEqualTo("directory.file.no-email");
    assertThat(
            DirectoryFile.read("staff.csv", "Email\n\n".getBytes(StandardCharsets.UTF_8)).problem())
        .isEqualTo("directory.file.empty");
    assertThat(DirectoryFile.read("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}).problem())
        .isEqualTo("directory.file.unreadable");
    assertThat(DirectoryFile.read("fake.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0}).problem())
        .isEqualTo("directory.file.unreadable");
    assertThat(DirectoryFile.read("big.csv", new byte[DirectoryFile.MAX_BYTES + 1]).problem())
        .isEqualTo("directory.file.too-large");
  }
}
