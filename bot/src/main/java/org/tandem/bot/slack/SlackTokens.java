package org.tandem.bot.slack;

import java.util.Optional;
import org.tandem.bot.security.TokenCipher;

/**
 * A workspace's bot token when a stored request is worked: the single workspace's, or the one of
 * its installation (encrypted at rest). The inbox never holds a token.
 */
class SlackTokens {

  private final SlackSettings settings;
  private final SlackInstallationRepository installations;
  private final TokenCipher cipher;

  SlackTokens(
      SlackSettings settings, SlackInstallationRepository installations, TokenCipher cipher) {
    this.settings = settings;
    this.installations = installations;
    this.cipher = cipher;
  }

  /** Empty when the workspace uninstalled Tandem meanwhile. */
  Optional<String> forTeam(String teamId) {
    if (!settings.oauth()) {
      return Optional.ofNullable(settings.botToken()).filter(t -> !t.isBlank());
    }
    return installations.findByTeamId(teamId).map(row -> cipher.decrypt(row.botTokenEncrypted));
  }
}
