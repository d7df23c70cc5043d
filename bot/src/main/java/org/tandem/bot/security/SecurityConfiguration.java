package org.tandem.bot.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.tandem.core.database.NoExternalDatabase;

/**
 * The token cipher's key. Outside local mode {@code TANDEM_ENCRYPTION_KEY} is required and Tandem
 * refuses to start without it. In local mode a key is made once and kept beside the embedded
 * database (or kept in memory for a throw-away one), so trying Tandem needs no setup.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  TokenCipher tokenCipher(
      Environment environment,
      @Value("${tandem.encryption-key:${TANDEM_ENCRYPTION_KEY:}}") String key,
      @Value("${tandem.embedded-postgres.data-dir:}") String dataDir) {
    if (!key.isBlank()) {
      return TokenCipher.fromBase64(key);
    }
    if (!NoExternalDatabase.isEmbedded(environment)) {
      throw new IllegalStateException(
          "TANDEM_ENCRYPTION_KEY is required outside local mode: base64 of 32 random bytes, e.g."
              + " `openssl rand -base64 32`. It encrypts chat platform tokens at rest.");
    }
    if (dataDir.isBlank()) {
      return TokenCipher.fromBase64(TokenCipher.newKey());
    }
    Path file = Path.of(dataDir).toAbsolutePath().normalize().getParent().resolve("encryption.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, TokenCipher.newKey());
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          log.debug("No POSIX permissions on {}", file);
        }
        log.info("Local mode: made an encryption key for tokens at rest in {}", file);
      }
      return TokenCipher.fromBase64(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
