package org.tandem.bot.conversation.associations;

import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.associations.Association;

/**
 * What takes up a parked form once its association is registered (or found already there): the
 * mission form, with the association chosen. Implemented where that form lives.
 */
public interface AfterAssociation {

  /**
   * The parked form again with {@code chosen} in it and {@code note} on top; a new one with it
   * chosen when the parked form is gone (more than a day old, or another person's).
   */
  Reply resume(Who who, String parked, Association chosen, String note, Texts texts);
}
