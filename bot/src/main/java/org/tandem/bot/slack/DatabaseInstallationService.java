package org.tandem.bot.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Instant;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.bot.scheduling.OutboxDispatcher;
import org.tandem.bot.security.TokenCipher;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Notifications;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/**
 * Bolt's installation store on PostgreSQL (Bolt ships only file and S3 stores). An installation
 * creates the workspace's tenant; its installer becomes the tenant's first admin and is sent the
 * setup checklist through the outbox. Uninstalling or revoking deletes the token at once; the
 * tenant's data stays, under its retention policy.
 */
class DatabaseInstallationService implements InstallationService {

  private final SlackInstallationRepository installations;
  private final TokenCipher cipher;
  private final Tenants tenants;
  private final SlackPeople people;
  private final TransactionTemplate tx;
  private final People directory;
  private final Notifications notifications;
  private final OutboxDispatcher outbox;

  DatabaseInstallationService(
      SlackInstallationRepository installations,
      TokenCipher cipher,
      Tenants tenants,
      SlackPeople people,
      TransactionTemplate tx,
      People directory,
      Notifications notifications,
      OutboxDispatcher outbox) {
    this.installations = installations;
    this.cipher = cipher;
    this.tenants = tenants;
    this.people = people;
    this.tx = tx;
    this.directory = directory;
    this.notifications = notifications;
    this.outbox = outbox;
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("Tandem keeps the latest installation only");
    }
  }

  @Override
  public void saveInstallerAndBot(Installer installer) {
    String teamName =
        installer instanceof DefaultInstaller d && d.getTeamName() != null
            ? d.getTeamName()
            : installer.getTeamId();
    Tenant tenant = tenants.findOrCreate(Platform.SLACK, installer.getTeamId(), teamName, "LU");
    tenants.reinstalled(tenant.id());
    tx.executeWithoutResult(
        s -> {
          SlackInstallation row =
              installations.findByTeamId(installer.getTeamId()).orElseGet(SlackInstallation::new);
          row.tenantId = tenant.id().value();
          row.enterpriseId = installer.getEnterpriseId();
          row.teamId = installer.getTeamId();
          row.appId = installer.getAppId();
          row.botId = installer.getBotId();
          row.botUserId = installer.getBotUserId();
          row.botTokenEncrypted = cipher.encrypt(installer.getBotAccessToken());
          row.botScopes = installer.getBotScope();
          row.installerUserId = installer.getInstallerUserId();
          row.installedAt = Instant.ofEpochMilli(installedAt(installer));
          installations.save(row);
        });
    if (installer.getInstallerUserId() != null) {
      Employee e =
          people.installer(tenant, installer.getInstallerUserId(), installer.getBotAccessToken());
      // Made admin and welcomed together: the welcome (the setup checklist) is stored in the
      // outbox in the same transaction, so a crash or a failing Slack API only delays it. The
      // installer is at their screen now, whatever the hour: it is not held for quiet hours.
      tx.executeWithoutResult(
          s -> {
            directory.installedBy(tenant.id(), e.id());
            notifications.enqueueUrgent(
                tenant.id(),
                e.id(),
                Notification.SETUP_CHECKLIST,
                "setup:" + tenant.id().value() + ":" + e.id() + ":" + installedAt(installer),
                "slack");
          });
      outbox.soon();
    }
  }

  private static long installedAt(Installer installer) {
    return installer.getInstalledAt() == null
        ? Instant.now().toEpochMilli()
        : installer.getInstalledAt();
  }

  @Override
  public void deleteBot(Bot bot) {
    deleteAll(bot.getEnterpriseId(), bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    // Tandem keeps no user tokens: only the bot's, deleted with deleteBot/deleteAll.
  }

  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    // One transaction: the token goes, and the uninstall is marked and in the admin trail,
    // together.
    tx.executeWithoutResult(
        s -> {
          installations.deleteByTeamId(teamId);
          tenants.uninstalled(Platform.SLACK, teamId);
        });
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    return installation(teamId).map(this::bot).orElse(null);
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return installation(teamId)
        .map(
            row -> {
              DefaultInstaller i = new DefaultInstaller();
              i.setTeamId(row.teamId);
              i.setEnterpriseId(row.enterpriseId);
              i.setAppId(row.appId);
              i.setBotId(row.botId);
              i.setBotUserId(row.botUserId);
              i.setBotAccessToken(cipher.decrypt(row.botTokenEncrypted));
              i.setBotScope(row.botScopes);
              i.setInstallerUserId(row.installerUserId);
              i.setInstalledAt(row.installedAt.toEpochMilli());
              return (Installer) i;
            })
        .orElse(null);
  }

  private Optional<SlackInstallation> installation(String teamId) {
    return teamId == null ? Optional.empty() : tx.execute(s -> installations.findByTeamId(teamId));
  }

  private Bot bot(SlackInstallation row) {
    DefaultBot b = new DefaultBot();
    b.setTeamId(row.teamId);
    b.setEnterpriseId(row.enterpriseId);
    b.setAppId(row.appId);
    b.setBotId(row.botId);
    b.setBotUserId(row.botUserId);
    b.setBotAccessToken(cipher.decrypt(row.botTokenEncrypted));
    b.setBotScope(row.botScopes);
    b.setInstalledAt(row.installedAt.toEpochMilli());
    return b;
  }
}
