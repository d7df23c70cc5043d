package org.tandem.bot.reporting;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves report charts (inline) and CSVs (as downloads) at their expiring links. */
@RestController
class ReportFileController {

  private final ReportFiles files;

  ReportFileController(ReportFiles files) {
    this.files = files;
  }

  @GetMapping(ReportFiles.PATH + "{token}/{name}")
  ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable String name) {
    return files
        .find(token)
        .filter(f -> f.name().equals(name))
        .map(
            f -> {
              boolean image = f.contentType().startsWith("image/");
              ContentDisposition disposition =
                  (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                      .filename(f.name(), StandardCharsets.UTF_8)
                      .build();
              return ResponseEntity.ok()
                  .contentType(MediaType.parseMediaType(f.contentType()))
                  .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                  .header("X-Content-Type-Options", "nosniff")
                  .cacheControl(CacheControl.noStore())
                  .body(f.content());
            })
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
