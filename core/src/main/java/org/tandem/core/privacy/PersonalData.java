package org.tandem.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.availability.Availability;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.tenants.TenantId;

/**
 * "My data": everything Tandem keeps about the person asking, as one JSON document (their profile
 * and directory entry, chat identities, commitments and hours). JSON because it holds nested lists
 * in one file that any program reads back (a portable, machine-readable format), where CSV would
 * need a file per list. Only ever the asker's own data: the use case takes no other person.
 */
@Service
public class PersonalData {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final JdbcClient jdbc;

  PersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The asker's data, UTF-8 JSON; refused for someone unknown or erased. */
  @Transactional(readOnly = true)
  public Outcome<byte[]> mine(TenantId tenant, long askerId) {
    long t = tenant.value();
    List<Map<String, Object>> profile =
        jdbc.sql(
                """
                select e.display_name, e.email, e.locale, e.time_zone, e.is_employee,
                       e.is_csr_manager, e.is_admin, m.display_name, e.site, e.department,
                       e.country, e.skills, e.causes, e.languages, e.availability, e.place_name,
                       e.place_country, e.lat, e.lon, e.travel_km, e.remote_ok, e.monthly_report,
                       e.created_at, e.deactivated_at
                from employee e
                left join employee m on m.tenant_id = e.tenant_id and m.id = e.manager_id
                where e.tenant_id = ? and e.id = ? and e.erased_at is null""")
            .params(t, askerId)
            .query((rs, n) -> profile(rs))
            .list();
    if (profile.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("exportedAt", Instant.now().toString());
    data.put("company", companyName(t));
    data.put("profile", profile.get(0));
    data.put(
        "chatIdentities",
        jdbc.sql(
                "select kind, external_id from chat_identity where tenant_id = ? and employee_id = ?"
                    + " order by kind, external_id")
            .params(t, askerId)
            .query((rs, n) -> row("kind", rs.getString(1), "id", rs.getString(2)))
            .list());
    data.put(
        "commitments",
        jdbc.sql(
                """
                select c.id, m.id, m.title, a.name, c.status, c.conflict_declared, c.created_at,
                       c.decided_at, c.cancelled_at, c.decision_note
                from commitment c
                join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
                join association a on a.tenant_id = m.tenant_id and a.id = m.association_id
                where c.tenant_id = ? and c.employee_id = ? order by c.created_at, c.id""")
            .params(t, askerId)
            .query(
                (rs, n) ->
                    row(
                        "id", rs.getLong(1),
                        "missionId", rs.getLong(2),
                        "mission", rs.getString(3),
                        "association", rs.getString(4),
                        "status", rs.getString(5),
                        "conflictOfInterestDeclared", rs.getBoolean(6),
                        "createdAt", instant(rs.getTimestamp(7)),
                        "decidedAt", instant(rs.getTimestamp(8)),
                        "cancelledAt", instant(rs.getTimestamp(9)),
                        "decisionNote", rs.getString(10)))
            .list());
    data.put(
        "hours",
        jdbc.sql(
                """
                select h.id, h.commitment_id, m.title, h.work_date, h.minutes, h.on_work_time,
                       h.note, h.status, h.over_allowance, h.decided_at, h.decision_note,
                       h.created_at
                from hour_entry h
                join commitment c on c.tenant_id = h.tenant_id and c.id = h.commitment_id
                join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
                where h.tenant_id = ? and h.employee_id = ? order by h.work_date, h.id""")
            .params(t, askerId)
            .query(
                (rs, n) ->
                    row(
                        "id", rs.getLong(1),
                        "commitmentId", rs.getLong(2),
                        "mission", rs.getString(3),
                        "date", rs.getDate(4).toLocalDate().toString(),
                        "minutes", rs.getInt(5),
                        "onWorkTime", rs.getBoolean(6),
                        "note", rs.getString(7),
                        "status", rs.getString(8),
                        "overAllowance", rs.getBoolean(9),
                        "decidedAt", instant(rs.getTimestamp(10)),
                        "decisionNote", rs.getString(11),
                        "loggedAt", instant(rs.getTimestamp(12))))
            .list());
    try {
      return Outcome.done(JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String companyName(long t) {
    return jdbc.sql("select name from tenant where id = ?").param(t).query(String.class).single();
  }

  private static Map<String, Object> profile(ResultSet rs) throws SQLException {
    List<String> roles = new ArrayList<>();
    if (rs.getBoolean(5)) {
      roles.add("EMPLOYEE");
    }
    if (rs.getBoolean(6)) {
      roles.add("CSR_MANAGER");
    }
    if (rs.getBoolean(7)) {
      roles.add("ADMIN");
    }
    Map<String, Object> p =
        row(
            "name", rs.getString(1),
            "email", rs.getString(2),
            "language", rs.getString(3),
            "timeZone", rs.getString(4),
            "roles", roles,
            "lineManager", rs.getString(8),
            "site", rs.getString(9),
            "department", rs.getString(10),
            "country", trimmed(rs.getString(11)));
    p.put("skills", array(rs, 12));
    p.put("causes", array(rs, 13));
    p.put("languages", array(rs, 14));
    // The weekly slots by name ("MONDAY MORNING"), not the bitmask they are stored as.
    p.put(
        "availability",
        new Availability(rs.getInt(15))
            .slots().stream().map(slot -> slot.day() + " " + slot.part()).toList());
    p.put("place", rs.getString(16));
    p.put("placeCountry", trimmed(rs.getString(17)));
    p.put("latitude", rs.getObject(18));
    p.put("longitude", rs.getObject(19));
    p.put("travelKm", rs.getInt(20));
    p.put("remoteMissionsToo", rs.getBoolean(21));
    p.put("monthlyReport", rs.getBoolean(22));
    p.put("knownSince", instant(rs.getTimestamp(23)));
    p.put("deactivatedAt", instant(rs.getTimestamp(24)));
    return p;
  }

  private static List<String> array(ResultSet rs, int column) throws SQLException {
    java.sql.Array a = rs.getArray(column);
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  private static String trimmed(String s) {
    return s == null ? null : s.strip();
  }

  private static String instant(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
