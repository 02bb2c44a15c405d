package th.go.municipal.publication.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.common.Hashes;

/**
 * Writes the tamper-evident audit trail: each entry carries the SHA-256 of its content and of the
 * entry before it, so an edited or deleted row breaks the chain and {@link #verify()} finds it.
 * Entries are written in the caller's transaction (the engine's), so a rolled-back step leaves no
 * entry and a committed one always has its entry.
 */
@Service
public class AuditService {

  private final AuditEntryRepository entries;
  private final AuditChainHeadRepository head;
  private final Clock clock;

  public AuditService(AuditEntryRepository entries, AuditChainHeadRepository head, Clock clock) {
    this.entries = entries;
    this.head = head;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEntry record(AuditRecord record) {
    AuditChainHead chain = head.lockHead().orElseThrow();
    // Microseconds: what both H2 and PostgreSQL store, so the hash can be recomputed from the row.
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    String hash = hash(chain.getLastHash(), record, now);
    AuditEntry entry = entries.save(new AuditEntry(record, now, chain.getLastHash(), hash));
    chain.setLastHash(hash);
    return entry;
  }

  public List<AuditEntry> trailOf(String subjectKey) {
    return entries.findBySubjectKeyOrderByIdAsc(subjectKey);
  }

  /** The id of the first entry whose hash does not match its content or its predecessor, if any. */
  @Transactional(readOnly = true)
  public Optional<Long> verify() {
    String previous = "0".repeat(64);
    for (AuditEntry entry : entries.findAllByOrderByIdAsc()) {
      if (!entry.getPreviousHash().equals(previous)
          || !entry.getHash().equals(hash(previous, entry.record(), entry.getRecordedAt()))) {
        return Optional.of(entry.getId());
      }
      previous = entry.getHash();
    }
    return Optional.empty();
  }

  static String hash(String previousHash, AuditRecord r, Instant at) {
    String canonical =
        String.join(
            "\u001f",
            previousHash,
            String.valueOf(r.subjectKey()),
            String.valueOf(r.processInstanceId()),
            r.actor(),
            r.role(),
            r.action(),
            String.valueOf(r.decision()),
            String.valueOf(r.comment()),
            at.toString());
    return Hashes.sha256(canonical);
  }
}
