package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.tenants.ChannelRows;
import org.tandem.core.tenants.TenantId;

/** Conversation references in PostgreSQL, for proactive messages from any instance. */
class ConversationReferences implements ChannelRows {

  record Reference(String conversationId, String serviceUrl, String botId) {}

  private final JdbcClient jdbc;

  ConversationReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void remember(TenantId tenant, Long employeeId, JsonNode activity) {
    String type = activity.at("/conversation/conversationType").asText("personal");
    jdbc.sql(
            """
            insert into teams_conversation (tenant_id, conversation_id, service_url, conversation_type, employee_id, bot_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, conversation_id) do update set service_url = excluded.service_url,
              employee_id = coalesce(excluded.employee_id, teams_conversation.employee_id),
              bot_id = excluded.bot_id, dead = false, updated_at = now()""")
        .params(
            tenant.value(),
            activity.at("/conversation/id").asText(),
            activity.path("serviceUrl").asText(),
            type,
            "personal".equals(type) ? employeeId : null,
            activity.at("/recipient/id").asText(null))
        .update();
  }

  /** A one-to-one conversation Tandem opened itself with the person (after installing for them). */
  void personal(
      TenantId tenant, long employeeId, String conversationId, String serviceUrl, String botId) {
    jdbc.sql(
            """
            insert into teams_conversation (tenant_id, conversation_id, service_url,
                                            conversation_type, employee_id, bot_id)
            values (?, ?, ?, 'personal', ?, ?)
            on conflict (tenant_id, conversation_id) do update set service_url = excluded.service_url,
              employee_id = excluded.employee_id, bot_id = excluded.bot_id, dead = false,
              updated_at = now()""")
        .params(tenant.value(), conversationId, serviceUrl, employeeId, botId)
        .update();
  }

  void forget(TenantId tenant, String conversationId) {
    jdbc.sql("delete from teams_conversation where tenant_id = ? and conversation_id = ?")
        .params(tenant.value(), conversationId)
        .update();
  }

  void dead(TenantId tenant, String conversationId) {
    jdbc.sql(
            "update teams_conversation set dead = true, updated_at = now() where tenant_id = ? and conversation_id = ?")
        .params(tenant.value(), conversationId)
        .update();
  }

  /**
   * A Teams tenant linked into a company's tenant: its conversations move there, each personal one
   * to the company's person with the same email (or to nobody until they write again).
   */
  @Override
  public void move(TenantId from, TenantId to) {
    jdbc.sql(
            """
            insert into teams_conversation (tenant_id, conversation_id, service_url,
              conversation_type, employee_id, bot_id, dead, updated_at)
            select :to, c.conversation_id, c.service_url, c.conversation_type,
              (select same.id from employee gone join employee same
                 on same.tenant_id = :to and lower(same.email) = lower(gone.email)
               where gone.tenant_id = :from and gone.id = c.employee_id),
              c.bot_id, c.dead, c.updated_at
            from teams_conversation c where c.tenant_id = :from
            on conflict (tenant_id, conversation_id) do nothing""")
        .param("from", from.value())
        .param("to", to.value())
        .update();
    jdbc.sql("delete from teams_conversation where tenant_id = ?").param(from.value()).update();
  }

  /** The person's one-to-one conversation with Tandem, if they installed it and it is alive. */
  Optional<Reference> personal(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select conversation_id, service_url, bot_id from teams_conversation
            where tenant_id = ? and employee_id = ? and not dead order by updated_at desc limit 1""")
        .params(tenant.value(), employeeId)
        .query((rs, n) -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** A team channel's conversation, kept when Tandem was added to its team, if alive. */
  Optional<Reference> channel(TenantId tenant, String conversationId) {
    return jdbc.sql(
            """
            select conversation_id, service_url, bot_id from teams_conversation
            where tenant_id = ? and conversation_id = ? and conversation_type = 'channel'
              and not dead""")
        .params(tenant.value(), conversationId)
        .query((rs, n) -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }
}
