package org.tandem.bot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  @Test
  void encryptsWithAFreshNonceAndDecryptsBack() {
    TokenCipher cipher = TokenCipher.fromBase64(TokenCipher.newKey());
    String a = cipher.encrypt("xoxb-123-secret");
    String b = cipher.encrypt("xoxb-123-secret");
    assertThat(a).isNotEqualTo(b).doesNotContain("xoxb");
    assertThat(cipher.decrypt(a)).isEqualTo("xoxb-123-secret");
  }

  @Test
  void aWrongKeyOrATamperedValueFailsInsteadOfGivingJunk() {
    TokenCipher cipher = TokenCipher.fromBase64(TokenCipher.newKey());
    String sealed = cipher.encrypt("xoxb-123-secret");
    assertThatThrownBy(() -> TokenCipher.fromBase64(TokenCipher.newKey()).decrypt(sealed))
        .hasMessageContaining("TANDEM_ENCRYPTION_KEY");
    byte[] bytes = Base64.getDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(bytes)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theKeyMustBeThirtyTwoBytes() {
    assertThatThrownBy(
            () -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("32 bytes");
  }
}
