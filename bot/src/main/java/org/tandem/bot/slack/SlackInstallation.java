package org.tandem.bot.slack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A workspace's installation of Tandem. The bot token is stored encrypted (AES-GCM). */
@Entity
@Table(name = "slack_installation")
class SlackInstallation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "tenant_id")
  long tenantId;

  @Column(name = "enterprise_id")
  String enterpriseId;

  @Column(name = "team_id")
  String teamId;

  @Column(name = "app_id")
  String appId;

  @Column(name = "bot_id")
  String botId;

  @Column(name = "bot_user_id")
  String botUserId;

  @Column(name = "bot_token_enc")
  String botTokenEncrypted;

  @Column(name = "bot_scopes")
  String botScopes;

  @Column(name = "installer_user_id")
  String installerUserId;

  @Column(name = "installed_at")
  Instant installedAt;
}
