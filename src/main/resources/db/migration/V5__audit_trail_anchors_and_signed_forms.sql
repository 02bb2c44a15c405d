-- The audit trail an auditor can trust: entries say which stored record they vouch for (a signature,
-- the content as signed, a signed form) with its fingerprint and, for the story view, the record
-- itself as JSON; the head counts the entries so that deleting the newest ones is found; the daily
-- anchors repeat what was published outside the database.

alter table audit_entries add column unit varchar(64);
alter table audit_entries add column object_ref varchar(128);
alter table audit_entries add column fingerprint varchar(64);
alter table audit_entries add column details varchar(60000);
create index audit_entries_process on audit_entries (process_instance_id);
create index audit_entries_recorded on audit_entries (recorded_at);
create index audit_entries_unit on audit_entries (unit, recorded_at);

alter table audit_chain_head add column entry_count bigint default 0 not null;
alter table audit_chain_head add column last_entry_id bigint;
update audit_chain_head
   set entry_count = (select count(*) from audit_entries),
       last_entry_id = (select max(id) from audit_entries);

-- One row a day: the head of the chain as it was published that day (website, export, file).
create table audit_anchors (
  anchor_date  date          primary key,
  entry_id     bigint,
  entry_count  bigint        not null,
  hash         varchar(64)   not null,
  created_at   timestamp with time zone not null
);

-- The request form as signed, drawn once when the webmaster publishes; never changed or removed.
create table signed_forms (
  business_key        varchar(32)   primary key,
  unit                varchar(64)   not null,
  sha256              varchar(64)   not null,
  content_fingerprint varchar(64)   not null,
  size_bytes          bigint        not null,
  created_at          timestamp with time zone not null,
  pdf                 bytea         not null
);
