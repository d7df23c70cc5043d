package org.tandem.core.campaigns;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as its CSR manager fills it in: its name, its message (as typed), the missions it
 * offers, its audience (with the site, department or channel it names) and the day it goes out
 * ({@code null}: at once).
 */
public record CampaignDraft(
    String name,
    String message,
    List<Long> missionIds,
    Audience audience,
    String audienceValue,
    LocalDate sendOn) {

  public CampaignDraft {
    missionIds = missionIds == null ? List.of() : List.copyOf(missionIds);
  }
}
