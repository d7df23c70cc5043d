package org.tandem.core.campaigns;

/** An open mission a campaign may offer: its id and its title, as typed. */
public record MissionChoice(long id, String title) {}
