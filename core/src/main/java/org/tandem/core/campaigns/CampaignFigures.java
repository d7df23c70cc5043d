package org.tandem.core.campaigns;

/**
 * What a campaign brought: the people its message reached (delivered), those who pressed one of its
 * buttons (once each), the commitments made from it, and the minutes logged on those commitments
 * (approved, and waiting for approval).
 */
public record CampaignFigures(
    int reached, int clicked, int committed, long approvedMinutes, long pendingMinutes) {}
