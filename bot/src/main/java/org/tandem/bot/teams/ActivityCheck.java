package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.tandem.bot.channels.InboundJson;

/**
 * What an activity Tandem acts on must carry, checked once an activity is authenticated and before
 * anything is looked up or stored: an id, the conversation, the sender and the tenant, as non-empty
 * ids of printable characters, and no NUL anywhere. Without a tenant id, Tandem cannot tell whose
 * company it is, and would make a company of nobody's; it is refused, as the rest, with a 400.
 */
final class ActivityCheck {

  /** Teams and Bot Framework ids: GUIDs, {@code 29:…}, {@code a:…}, {@code 19:…@thread.tacv2}. */
  static final Pattern ID = Pattern.compile("[\\p{Graph}]{1,512}");

  private ActivityCheck() {}

  static boolean wellFormed(JsonNode activity) {
    if (activity == null || !activity.isObject() || !activity.path("type").isTextual()) {
      return false;
    }
    return InboundJson.clean(activity)
        && id(activity.path("id"))
        && id(activity.at("/conversation/id"))
        && id(activity.at("/from/id"))
        && optionalId(activity.at("/from/aadObjectId"))
        && optionalId(activity.at("/recipient/id"))
        && id(tenantId(activity));
  }

  /** The tenant: the conversation's, else the channel data's. */
  static JsonNode tenantId(JsonNode activity) {
    JsonNode conversation = activity.at("/conversation/tenantId");
    return conversation.isTextual() ? conversation : activity.at("/channelData/tenant/id");
  }

  private static boolean id(JsonNode n) {
    return n.isTextual() && ID.matcher(n.asText()).matches();
  }

  private static boolean optionalId(JsonNode n) {
    return n.isMissingNode() || n.isNull() || id(n);
  }
}
