package th.go.municipal.publication.audit;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Writes the tamper-evident audit trail: each entry carries the SHA-256 of its content and of the
 * entry before it, so an edited or deleted row breaks the chain and {@link #verify()} finds it. The
 * head row counts the entries and holds the newest hash, so deleting the newest entries is found
 * too; the daily anchors, also published outside the database, keep a rewritten past from matching
 * what was published. Entries are written in the caller's transaction (the engine's), so a
 * rolled-back step leaves no entry and a committed one always has its entry; a refusal, whose
 * transaction rolls back, is written after it, on its own. A transaction's entries are chained
 * together just before it commits, so the head row is locked only from then to the commit, not from
 * a step's first entry on: steps that audit run side by side until they commit, and on a cluster
 * the lock still keeps the nodes from forking the chain.
 */
@Service
public class AuditService {

  static final String GENESIS = "0".repeat(64);
  private static final int BATCH = 500;

  private final AuditEntryRepository entries;
  private final AuditChainHeadRepository head;
  private final AuditAnchorRepository anchors;
  private final ObjectProvider<AuditedRecords> auditedRecords;
  private final TransactionTemplate alone;
  private final Clock clock;

  public AuditService(
      AuditEntryRepository entries,
      AuditChainHeadRepository head,
      AuditAnchorRepository anchors,
      ObjectProvider<AuditedRecords> auditedRecords,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.entries = entries;
    this.head = head;
    this.anchors = anchors;
    this.auditedRecords = auditedRecords;
    this.alone = new TransactionTemplate(transactions);
    this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Adds an entry about a change to the trail, in the caller's transaction. It is chained just
   * before that transaction commits, with the transaction's other entries: one lock of the head,
   * their inserts and one update of the head, so the head is locked only from then until the commit
   * and transactions that audit run side by side until they commit. A transaction that rolls back
   * leaves no entry; one that commits has them all, or fails to commit.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditRecord record) {
    PendingChain pending = pendingInThisTransaction();
    pending.add(record.unit() == null ? pending.withUnitOfEarlierEntries(record) : record);
  }

  /**
   * Makes sure this transaction's entries are chained when it commits, for a caller that records
   * from a synchronization of its own just before the commit: one registered then would not run.
   */
  void openChain() {
    pendingInThisTransaction();
  }

  /**
   * Records a refused action (separation of duties, another unit's request, a refused signature).
   * The refusal rolls its own transaction back, so the entry is written after that, in a
   * transaction of its own; without a transaction it is written at once.
   */
  public void recordRefusal(AuditRecord record) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      alone.executeWithoutResult(status -> record(record));
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            alone.executeWithoutResult(s -> record(record));
          }
        });
  }

  /** The entries of the current transaction, gathered by its own synchronization. */
  private PendingChain pendingInThisTransaction() {
    return TransactionWork.find(PendingChain.class, pending -> pending.service() == this)
        .orElseGet(
            () -> {
              PendingChain pending = new PendingChain();
              TransactionSynchronizationManager.registerSynchronization(pending);
              return pending;
            });
  }

  /** Chains what this transaction recorded so far, so that its reads of the trail see it. */
  private void chainWhatThisTransactionRecorded() {
    TransactionWork.find(PendingChain.class, pending -> pending.service() == this)
        .ifPresent(PendingChain::chainRest);
  }

  /**
   * One transaction's entries, chained when it is about to commit. Last of the synchronizations
   * (lowest precedence), after the others have done their writes, so that the head is locked last
   * and for as short as can be; an entry recorded after that (by a synchronization registered
   * later) is chained at once, under the lock the transaction already holds.
   */
  private final class PendingChain implements TransactionSynchronization {

    private final List<AuditRecord> records = new ArrayList<>();
    private int chained;
    private boolean committing;

    AuditService service() {
      return AuditService.this;
    }

    void add(AuditRecord record) {
      records.add(record);
      if (committing) {
        chainRest();
      }
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      committing = true;
      chainRest();
    }

    void chainRest() {
      if (chained == records.size()) {
        return;
      }
      // The transaction's other writes first, so that none of them waits behind the head's lock
      // while it is held, and every transaction takes its row locks in the same order.
      entries.flush();
      AuditChainHead chain = head.lockHead().orElseThrow();
      // Microseconds: what both H2 and PostgreSQL store, so the hash can be recomputed from the
      // row. Taken under the lock, so the time never goes back along the chain on one node.
      Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
      for (AuditRecord record : records.subList(chained, records.size())) {
        String hash = hash(chain.getLastHash(), record, now);
        chain.advance(entries.save(new AuditEntry(record, now, chain.getLastHash(), hash)));
      }
      chained = records.size();
      entries.flush();
    }

    /**
     * The unit of the request or process the entry is about, from the entries written about it
     * before, this transaction's first; an operation on a process instance (a claim, a retry) also
     * gets the request's number. Operations on no process (users, groups, deployments) stay without
     * a unit.
     */
    AuditRecord withUnitOfEarlierEntries(AuditRecord record) {
      Optional<AuditRecord> earlier = Optional.empty();
      if (record.subjectKey() != null) {
        earlier =
            newestWithUnit(
                AuditRecord::subjectKey,
                record.subjectKey(),
                entries::findFirstBySubjectKeyAndUnitIsNotNullOrderByIdDesc);
      }
      if (earlier.isEmpty() && record.processInstanceId() != null) {
        earlier =
            newestWithUnit(
                AuditRecord::processInstanceId,
                record.processInstanceId(),
                entries::findFirstByProcessInstanceIdAndUnitIsNotNullOrderByIdDesc);
      }
      return earlier
          .map(
              e ->
                  record.subjectKey() == null
                      ? record.withSubject(e.subjectKey()).withUnit(e.unit())
                      : record.withUnit(e.unit()))
          .orElse(record);
    }

    /**
     * The newest entry with a unit whose field has that value: this transaction's first, since they
     * are newer than any stored, else the newest stored one.
     */
    private Optional<AuditRecord> newestWithUnit(
        Function<AuditRecord, String> field,
        String value,
        Function<String, Optional<AuditEntry>> newestStored) {
      for (int i = records.size() - 1; i >= 0; i--) {
        AuditRecord r = records.get(i);
        if (r.unit() != null && value.equals(field.apply(r))) {
          return Optional.of(r);
        }
      }
      return newestStored.apply(value).map(AuditEntry::record);
    }
  }

  public List<AuditEntry> trailOf(String subjectKey) {
    chainWhatThisTransactionRecorded();
    return entries.findBySubjectKeyOrderByIdAsc(subjectKey);
  }

  /** Everything recorded about a request or incident, and about its process instances. */
  public List<AuditEntry> storyOf(String subjectKey, List<String> processInstanceIds) {
    return entries.findBySubjectKeyOrProcessInstanceIdInOrderByIdAsc(
        subjectKey, processInstanceIds.isEmpty() ? List.of("-") : processInstanceIds);
  }

  /** Filters of the audit list; each one optional. Days are Bangkok calendar days, inclusive. */
  public record Filter(
      String subjectKey, String unit, String actor, LocalDate from, LocalDate to) {}

  public Page<AuditEntry> find(Filter filter, int page, int size) {
    chainWhatThisTransactionRecorded();
    Specification<AuditEntry> where =
        (root, query, cb) -> {
          List<Predicate> all = new ArrayList<>();
          if (filter.subjectKey() != null) {
            all.add(cb.equal(root.get("subjectKey"), filter.subjectKey()));
          }
          if (filter.unit() != null) {
            all.add(cb.equal(root.get("unit"), filter.unit()));
          }
          if (filter.actor() != null) {
            all.add(cb.equal(root.get("actor"), filter.actor()));
          }
          if (filter.from() != null) {
            all.add(cb.greaterThanOrEqualTo(root.get("recordedAt"), startOf(filter.from())));
          }
          if (filter.to() != null) {
            all.add(cb.lessThan(root.get("recordedAt"), startOf(filter.to().plusDays(1))));
          }
          return cb.and(all.toArray(Predicate[]::new));
        };
    return entries.findAll(where, PageRequest.of(page, size, Sort.by("id")));
  }

  public List<AuditEntry> between(LocalDate from, LocalDate to) {
    chainWhatThisTransactionRecorded();
    return entries.findByRecordedAtGreaterThanEqualAndRecordedAtLessThanOrderByIdAsc(
        startOf(from), startOf(to.plusDays(1)));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ThaiDates.BANGKOK).toInstant();
  }

  /** The head of the chain now: the newest entry, its hash and how many entries there are. */
  public record Head(Long entryId, long entryCount, String hash) {}

  public Head head() {
    chainWhatThisTransactionRecorded();
    AuditChainHead h = head.findById(AuditChainHead.ID).orElseThrow();
    return new Head(h.getLastEntryId(), h.getEntryCount(), h.getLastHash());
  }

  /**
   * Writes the day's anchor, the head as it is now, once per day; every node of a cluster may try.
   */
  @Transactional
  public Optional<AuditAnchor> anchor(LocalDate day) {
    chainWhatThisTransactionRecorded();
    AuditChainHead h = head.lockHead().orElseThrow();
    if (anchors.existsById(day)) {
      return Optional.empty();
    }
    return Optional.of(
        anchors.save(
            new AuditAnchor(
                day, h.getLastEntryId(), h.getEntryCount(), h.getLastHash(), clock.instant())));
  }

  public List<AuditAnchor> anchors() {
    return anchors.findAllByOrderByDateDesc();
  }

  public List<AuditAnchor> anchorsBetween(LocalDate from, LocalDate to) {
    return anchors.findByDateBetweenOrderByDateAsc(from, to);
  }

  /** Checks the whole trail and the records it vouches for. */
  public Verification verify() {
    return verify(List.of());
  }

  /**
   * Checks the whole trail, the records it vouches for, the stored daily anchors and the anchors
   * given (a head someone kept from a published page or an export: entry id and hash).
   */
  public Verification verify(List<Head> keptAnchors) {
    // Anchors, then the head: anchors never point past the head read after them, and entries up
    // to the head were committed with it; later entries are checked next time.
    List<AuditAnchor> stored = anchors.findAll();
    Head h = head();
    Map<Long, Head> expected = new HashMap<>();
    for (AuditAnchor anchor : stored) {
      if (anchor.getEntryId() != null) {
        expected.put(
            anchor.getEntryId(),
            new Head(anchor.getEntryId(), anchor.getEntryCount(), anchor.getHash()));
      }
    }
    keptAnchors.forEach(a -> expected.put(a.entryId(), a));
    Map<String, String> vouched = new HashMap<>();
    String previous = GENESIS;
    long checked = 0;
    long last = 0;
    List<AuditEntry> batch;
    do {
      batch =
          h.entryId() == null
              ? List.of()
              : entries.findByIdGreaterThanOrderByIdAsc(last, Limit.of(BATCH));
      for (AuditEntry entry : batch) {
        if (entry.getId() > h.entryId()) {
          batch = List.of();
          break;
        }
        checked++;
        if (!entry.getPreviousHash().equals(previous)) {
          return Verification.broken(
              checked,
              new Verification.Break(
                  entry.getId(),
                  "link_broken",
                  null,
                  "รายการที่ "
                      + entry.getId()
                      + " ไม่ต่อจากรายการก่อนหน้า: มีรายการถูกลบหรือแทรก (an entry before it was"
                      + " deleted or inserted)"));
        }
        if (!entry.getHash().equals(hash(previous, entry.record(), entry.getRecordedAt()))) {
          return Verification.broken(
              checked,
              new Verification.Break(
                  entry.getId(),
                  "entry_changed",
                  entry.getObjectRef(),
                  "รายการที่ " + entry.getId() + " ถูกแก้ไขหลังบันทึก (the entry was edited)"));
        }
        Head anchor = expected.remove(entry.getId());
        if (anchor != null && (!anchor.hash().equals(entry.getHash()))) {
          return Verification.broken(
              checked,
              new Verification.Break(
                  entry.getId(),
                  "anchor_mismatch",
                  null,
                  "รายการที่ "
                      + entry.getId()
                      + " ไม่ตรงกับจุดยึดที่เผยแพร่ไว้: ห่วงโซ่ถูกเขียนใหม่ (the chain was rewritten"
                      + " after the anchor was published)"));
        }
        if (entry.getObjectRef() != null) {
          vouched.put(entry.getObjectRef(), entry.getFingerprint());
        }
        previous = entry.getHash();
        last = entry.getId();
      }
    } while (batch.size() == BATCH);
    if (checked != h.entryCount() || !previous.equals(h.hash())) {
      return Verification.broken(
          checked,
          new Verification.Break(
              h.entryId(),
              "head_mismatch",
              null,
              "ห่วงโซ่มี "
                  + checked
                  + " รายการ แต่หัวของห่วงโซ่บันทึกไว้ "
                  + h.entryCount()
                  + " รายการ: รายการล่าสุดถูกลบ (the newest entries were deleted)"));
    }
    for (Head anchor : expected.values()) {
      if (anchor.entryId() != null) {
        return Verification.broken(
            checked,
            new Verification.Break(
                anchor.entryId(),
                "anchor_mismatch",
                null,
                "ไม่พบรายการที่ "
                    + anchor.entryId()
                    + " ซึ่งจุดยึดที่เผยแพร่ไว้อ้างถึง: รายการถูกลบ (an anchored entry is gone)"));
      }
    }
    for (AuditedRecords kind : auditedRecords.orderedStream().toList()) {
      Optional<Verification.Break> broken = checkRecords(kind, vouched);
      if (broken.isPresent()) {
        return Verification.broken(checked, broken.get());
      }
    }
    return Verification.intact(checked);
  }

  private Optional<Verification.Break> checkRecords(
      AuditedRecords kind, Map<String, String> vouched) {
    Map<String, String> current = kind.currentFingerprints();
    for (Map.Entry<String, String> record : current.entrySet()) {
      String recorded = vouched.get(record.getKey());
      if (!record.getValue().equals(recorded)) {
        // Vouched for after the head was read: a newer entry, checked against the chain next time.
        Optional<AuditEntry> newer = entries.findFirstByObjectRefOrderByIdDesc(record.getKey());
        if (newer.isPresent() && record.getValue().equals(newer.get().getFingerprint())) {
          continue;
        }
        return Optional.of(
            recorded == null && newer.isEmpty()
                ? new Verification.Break(
                    null,
                    "record_unrecorded",
                    record.getKey(),
                    record.getKey()
                        + " ไม่มีในบันทึกการตรวจสอบ: ถูกเพิ่มนอกระบบ (added behind the application's"
                        + " back)")
                : new Verification.Break(
                    newer.map(AuditEntry::getId).orElse(null),
                    "record_changed",
                    record.getKey(),
                    record.getKey()
                        + " ไม่ตรงกับที่บันทึกไว้เมื่อลงนาม: ถูกแก้ไข (changed after it was"
                        + " recorded)"));
      }
    }
    for (String reference : vouched.keySet()) {
      if (reference.startsWith(kind.referencePrefix()) && !current.containsKey(reference)) {
        return Optional.of(
            new Verification.Break(
                null,
                "record_missing",
                reference,
                reference + " ถูกลบ แต่บันทึกการตรวจสอบยืนยันว่าเคยมี (deleted)"));
      }
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
    // Entries written before units and vouched records existed keep their original hash.
    if (r.unit() != null
        || r.objectRef() != null
        || r.fingerprint() != null
        || r.details() != null) {
      canonical +=
          "\u001f"
              + String.join(
                  "\u001f",
                  String.valueOf(r.unit()),
                  String.valueOf(r.objectRef()),
                  String.valueOf(r.fingerprint()),
                  String.valueOf(r.details()));
    }
    return Hashes.sha256(canonical);
  }
}
