package org.tandem.bot.slack;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.conversation.ChannelPoster;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Notifier.Pace;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.security.TokenCipher;
import org.tandem.core.campaigns.Channels;
import org.tandem.core.tenants.TenantId;

/**
 * Writes to a person in their conversation with Tandem in Slack: their Slack user id from their
 * chat identity, the workspace's bot token from the installation store (or the single workspace's
 * token); and in a channel of the workspace (a campaign), by its id.
 */
class SlackNotifier implements Notifier, ChannelPoster {

  private final JdbcClient jdbc;
  private final SlackSettings settings;
  private final SlackInstallationRepository installations;
  private final TokenCipher cipher;
  private final SlackConversation conversation;
  private final SlackUnreachable unreachable;
  private final Pace workspacePace;
  private final Pace conversationPace;

  SlackNotifier(
      JdbcClient jdbc,
      SlackSettings settings,
      SlackInstallationRepository installations,
      TokenCipher cipher,
      SlackConversation conversation,
      SlackUnreachable unreachable,
      Pace workspacePace,
      Pace conversationPace) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.installations = installations;
    this.cipher = cipher;
    this.conversation = conversation;
    this.unreachable = unreachable;
    this.workspacePace = workspacePace;
    this.conversationPace = conversationPace;
  }

  /**
   * chat.postMessage's limits: per workspace (the install's token) and per conversation (the
   * person's conversation with Tandem); empty when Slack does not reach the person.
   */
  @Override
  public Optional<Lane> lane(TenantId tenant, long employeeId) {
    Optional<String> user = user(tenant, employeeId);
    Optional<String> token = user.isEmpty() ? Optional.empty() : token(tenant);
    if (token.isEmpty() || unreachable.marked(tenant, user.get(), token.get())) {
      return Optional.empty();
    }
    String workspace = "slack:" + SlackUnreachable.digest(token.get());
    return Optional.of(
        new Lane(workspace, workspacePace, workspace + ":" + user.get(), conversationPace));
  }

  private Optional<String> user(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select external_id from chat_identity
            where tenant_id = ? and employee_id = ? and kind = 'SLACK' limit 1""")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .optional();
  }

  @Override
  public Delivery send(TenantId tenant, long employeeId, Reply reply) {
    return send(tenant, employeeId, reply, null);
  }

  @Override
  public Delivery send(TenantId tenant, long employeeId, Reply reply, Progress progress) {
    Optional<String> user = user(tenant, employeeId);
    Optional<String> token = token(tenant);
    if (user.isEmpty() || token.isEmpty() || unreachable.marked(tenant, user.get(), token.get())) {
      return Delivery.UNREACHABLE;
    }
    String locale =
        jdbc.sql("select locale from employee where tenant_id = ? and id = ?")
            .params(tenant.value(), employeeId)
            .query(String.class)
            .single();
    try {
      boolean sent =
          conversation.deliver(
              reply,
              new SlackConversation.Target(token.get(), null, null, user.get(), null),
              Texts.of(java.util.Locale.forLanguageTag(locale)),
              progress);
      return sent ? Delivery.SENT : Delivery.FAILED;
    } catch (SlackUnreachable.Gone gone) {
      // Never tried again there: this and later messages go to another channel, or nowhere.
      unreachable.mark(tenant, user.get(), token.get(), gone);
      return Delivery.UNREACHABLE;
    }
  }

  @Override
  public boolean reaches(TenantId tenant, String channel) {
    return !Channels.teams(channel) && token(tenant).isPresent();
  }

  /**
   * A channel campaign: {@code chat.postMessage} to the channel, stamped with the delivery's id.
   */
  @Override
  public Delivery post(
      TenantId tenant, String channel, Reply reply, Texts texts, Progress progress) {
    Optional<String> token = token(tenant);
    if (Channels.teams(channel) || token.isEmpty()) {
      return Delivery.UNREACHABLE;
    }
    boolean sent =
        conversation.deliver(
            reply,
            new SlackConversation.Target(token.get(), null, null, null, channel),
            texts,
            progress);
    return sent ? Delivery.SENT : Delivery.FAILED;
  }

  private Optional<String> token(TenantId tenant) {
    if (!settings.oauth()) {
      return Optional.ofNullable(settings.botToken()).filter(t -> !t.isBlank());
    }
    List<String> teams =
        jdbc.sql(
                """
                select external_id from tenant where id = ? and platform = 'SLACK'
                union all
                select external_id from tenant_alias where tenant_id = ? and platform = 'SLACK'""")
            .params(tenant.value(), tenant.value())
            .query(String.class)
            .list();
    for (String team : teams) {
      var row = installations.findByTeamId(team);
      if (row.isPresent()) {
        return Optional.of(cipher.decrypt(row.get().botTokenEncrypted));
      }
    }
    return Optional.empty();
  }
}
