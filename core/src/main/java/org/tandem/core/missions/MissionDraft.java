package org.tandem.core.missions;

import java.math.BigDecimal;
import java.util.List;
import org.tandem.core.availability.Availability;
import org.tandem.core.causes.Cause;
import org.tandem.core.places.Place;

/**
 * What a CSR manager enters to create or edit a mission. For dated missions the weekly slots come
 * from the sessions; for flexible ones from {@code flexibleSlots} (empty: any time). {@code link}:
 * where a remote or hybrid mission's sessions are joined (a video call), https only; none for an
 * on-site one.
 */
public record MissionDraft(
    long associationId,
    String title,
    String description,
    List<String> skills,
    List<Cause> causes,
    List<String> languages,
    MissionMode mode,
    Place place,
    Schedule schedule,
    List<Session> sessions,
    Availability flexibleSlots,
    BigDecimal hoursPerSession,
    int capacity,
    TeamSize teamSize,
    String link) {

  /** A mission without a link to join its sessions. */
  public MissionDraft(
      long associationId,
      String title,
      String description,
      List<String> skills,
      List<Cause> causes,
      List<String> languages,
      MissionMode mode,
      Place place,
      Schedule schedule,
      List<Session> sessions,
      Availability flexibleSlots,
      BigDecimal hoursPerSession,
      int capacity,
      TeamSize teamSize) {
    this(
        associationId,
        title,
        description,
        skills,
        causes,
        languages,
        mode,
        place,
        schedule,
        sessions,
        flexibleSlots,
        hoursPerSession,
        capacity,
        teamSize,
        null);
  }

  public MissionDraft {
    skills = skills == null ? List.of() : List.copyOf(skills);
    causes = causes == null ? List.of() : List.copyOf(causes);
    languages = languages == null ? List.of() : List.copyOf(languages);
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
    flexibleSlots = flexibleSlots == null ? Availability.NONE : flexibleSlots;
    teamSize = teamSize == null ? TeamSize.SINGLE : teamSize;
    link = link == null || link.isBlank() ? null : link.strip();
  }
}
