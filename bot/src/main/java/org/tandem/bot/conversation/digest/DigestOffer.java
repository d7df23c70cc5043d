package org.tandem.bot.conversation.digest;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.digest.Digests;

/** The digest's buttons and sentences, shared by the offer, the digest and its answers. */
public final class DigestOffer {

  static final String ON = "digest.on";
  static final String OFF = "digest.off";
  static final String NO = "digest.no";

  private DigestOffer() {}

  /**
   * The last step of onboarding: the digest is off until the person says yes, in one click (on
   * {@link Digests#BY_DEFAULT}); no thanks changes nothing.
   */
  public static Reply.Card card(Texts texts) {
    return new Reply.Card(
        texts.t("digest.offer.title"),
        null,
        List.of(),
        texts.t("digest.offer.text"),
        List.of(
            on(texts.t("digest.offer.yes")), Button.of(texts.t("digest.offer.no"), NO, Map.of())),
        null);
  }

  static Button on(String label) {
    return Button.primary(
        label, ON, Map.of("day", Integer.toString(Digests.BY_DEFAULT.getValue())));
  }

  static Button stop(Texts texts) {
    return new Button(texts.t("button.digest.stop"), OFF, Map.of(), Button.Style.DANGER);
  }

  /** "on Mondays", "le lundi", "montags". */
  static String when(DayOfWeek day, Texts texts) {
    return texts.t("digest.day." + day.getValue());
  }
}
