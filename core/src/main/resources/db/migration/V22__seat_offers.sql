-- Waiting lists that offer seats (issue 12): a freed seat is no longer given outright to the first
-- person waiting; it is OFFERED to them (the offer holds the seat, counted in mission.seats_taken)
-- until they accept, pass, or offer_expires_at passes (24 hours that do not count their quiet
-- hours), when it goes to the next person waiting or back to the mission.
alter table commitment drop constraint commitment_status_check;
alter table commitment add constraint commitment_status_check
    check (status in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED',
                      'COMPLETED'));

alter table commitment add column offer_expires_at timestamptz;
alter table commitment add constraint commitment_offer_has_deadline
    check (status <> 'OFFERED' or offer_expires_at is not null);

-- The recurring job finds the offers that ran out without reading every commitment.
create index commitment_offer_due_idx on commitment (offer_expires_at) where status = 'OFFERED';
