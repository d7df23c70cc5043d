package org.tandem.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.tandem.bot.support.BotTest;

/**
 * "Start an empty company" in the try-it chat: a company of its own with no demo data, whose only
 * person is the visitor, its installer (admin and CSR manager), shown the setup checklist; like the
 * demo company, it can never be linked to Slack or Teams.
 */
@BotTest
class TryChatEmptyCompanyTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aVisitorStartsAnEmptyCompanyAndIsItsInstaller() {
    RestClient http = RestClient.create("http://localhost:" + port);
    @SuppressWarnings("unchecked")
    Map<String, String> company =
        http.post().uri("/try/company?locale=fr").retrieve().body(Map.class);
    String handle = company.get("handle");
    assertThat(handle).startsWith("empty-");
    assertThat(company).containsEntry("company", "Exemple SA").containsEntry("locale", "fr");

    String checklist =
        post(
            http,
            "/try/action",
            Map.of("handle", handle, "locale", "fr", "id", "setup.show", "data", Map.of()));
    assertThat(checklist)
        .contains("Mise en place de Tandem chez Exemple SA")
        .contains("1. La politique")
        .contains("5. L&#39;annonce");
    // Nothing of the demo: no association, no mission, nobody else.
    assertThat(
            post(
                http, "/try/message", Map.of("handle", handle, "locale", "fr", "text", "missions")))
        .doesNotContain("Tenir la comptabilité");
    Long tenant =
        jdbc.sql("select id from tenant where platform = 'LOCAL' and external_id = ?")
            .param(handle)
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql(
                    "select (select count(*) from employee where tenant_id = :t)"
                        + " + (select count(*) from association where tenant_id = :t)"
                        + " + (select count(*) from mission where tenant_id = :t)")
                .param("t", tenant)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select is_admin and is_csr_manager from employee where tenant_id = ?")
                .param(tenant)
                .query(Boolean.class)
                .single())
        .isTrue();

    // Never linkable, like the demo company.
    assertThat(
            post(
                http,
                "/try/message",
                Map.of("handle", handle, "locale", "en", "text", "admin link")))
        .doesNotContain("Code");
    assertThat(
            jdbc.sql("select count(*) from tenant_link_code where tenant_id = ?")
                .param(tenant)
                .query(Integer.class)
                .single())
        .isZero();
    // Another visitor's handle that names no company is nobody.
    Integer status =
        http.post()
            .uri("/try/message")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("handle", "empty-nobody", "locale", "en", "text", "admin setup"))
            .exchange((req, res) -> Integer.valueOf(res.getStatusCode().value()));
    assertThat(status).isEqualTo(400);
  }

  private static String post(RestClient http, String path, Map<String, Object> body) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(String.class);
  }
}
