-- Personal data kept no longer than needed (PDPA): when the requester's name, e-mail address, phone,
-- address hash and message were erased from an information request, and when the recipients and
-- text of an e-mail kept in the outbox were. Kind, unit, dates and status stay for the counts of the
-- monitoring report.
alter table information_requests add column anonymised_at timestamp with time zone;
alter table mail_outbox add column anonymised_at timestamp with time zone;
