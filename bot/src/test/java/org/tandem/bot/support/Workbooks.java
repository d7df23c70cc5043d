package org.tandem.bot.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A report workbook read back with fastexcel's reader: its rows by their first cell, numeric cells
 * as {@link BigDecimal}, text cells as strings, so a test sees what Excel will see.
 */
public final class Workbooks {

  private Workbooks() {}

  /** Rows by their first cell (the header row under its first title); cells after the first. */
  public static Map<String, List<Object>> rows(byte[] xlsx) {
    assertThat(ReadableWorkbook.isOOXMLZipHeader(xlsx)).as("an XLSX (zip) file").isTrue();
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : wb.getFirstSheet().read()) {
        List<Object> cells = new ArrayList<>();
        for (int c = 1; c < row.getCellCount(); c++) {
          Cell cell = row.getCell(c);
          if (cell == null || cell.getType() == CellType.EMPTY) {
            cells.add(null);
          } else if (cell.getType() == CellType.NUMBER) {
            cells.add(cell.asNumber());
          } else {
            cells.add(cell.getText());
          }
        }
        rows.put(row.getCellText(0), cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Asserts the row's cells are numeric cells holding these numbers (nulls: empty cells). */
  public static void assertNumbers(List<Object> row, Number... expected) {
    assertThat(row).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] == null) {
        assertThat(row.get(i)).as("cell %d", i + 1).isNull();
        continue;
      }
      assertThat(row.get(i)).as("cell %d is a number", i + 1).isInstanceOf(BigDecimal.class);
      assertThat((BigDecimal) row.get(i))
          .as("cell %d", i + 1)
          .isEqualByComparingTo(new BigDecimal(expected[i].toString()));
    }
  }
}
