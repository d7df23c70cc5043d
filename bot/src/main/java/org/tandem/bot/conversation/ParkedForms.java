package org.tandem.bot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forms set aside while another one is filled, such as the mission form while its new association
 * is registered, kept in PostgreSQL (a Slack modal's metadata holds 3,000 characters, less than a
 * mission's description): a random token names one, for its owner only, for a day.
 */
@Component
public class ParkedForms {

  /** What was typed in the form, and its context. */
  public record Parked(
      String formId, Map<String, List<String>> values, Map<String, String> context) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  ParkedForms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets the form aside; the token takes it up again. */
  public String park(
      Who who, String formId, Map<String, List<String>> values, Map<String, String> context) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    jdbc.sql("delete from parked_form where created_at < now() - interval '1 day'").update();
    jdbc.sql(
            "insert into parked_form (token, tenant_id, employee_id, form_id, content)"
                + " values (?, ?, ?, ?, cast(? as jsonb))")
        .params(
            token,
            who.tenant().value(),
            who.employeeId(),
            formId,
            json(new Parked(formId, values, context)))
        .update();
    return token;
  }

  /** The parked form, when the token is this person's and less than a day old. */
  public Optional<Parked> find(Who who, String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select content::text from parked_form where token = ? and tenant_id = ?"
                + " and employee_id = ? and created_at > now() - interval '1 day'")
        .params(token, who.tenant().value(), who.employeeId())
        .query(String.class)
        .optional()
        .map(ParkedForms::read);
  }

  private static String json(Parked p) {
    try {
      return JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Parked read(String json) {
    try {
      return JSON.readValue(json, Parked.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
