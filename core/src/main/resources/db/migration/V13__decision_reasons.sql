-- Why hours were rejected or a commitment declined: asked of the approver, stored with the
-- decision and sent to the person through the outbox.
alter table hour_entry add column decision_note text;
alter table commitment add column decision_note text;

alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('MONTHLY_REPORT', 'HOURS_REJECTED', 'COMMITMENT_DECLINED'));
