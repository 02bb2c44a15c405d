package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** publication_targets as Flyway creates it: the entity maps onto it and remember() upserts. */
@DataJpaTest
class PublicationTargetRepositoryTests {

  @Autowired PublicationTargetRepository targets;

  @Autowired JdbcTemplate jdbc;

  @Test
  void rememberingTwiceKeepsOneRowPerItemAndTargetWithTheLatestAddress() {
    // given an item recorded at WordPress and at a webhook
    targets.remember("PR-2570-0001", "wordpress", "101", "https://wp.example.go.th/?p=101");
    targets.remember(
        "PR-2570-0001", "webhook", "PR-2570-0001", "https://example.go.th/items/PR-2570-0001");

    // when WordPress's record is corrected (a retry found the post under another id)
    targets.remember("PR-2570-0001", "wordpress", "77", "https://wp.example.go.th/pr-2570-0001/");
    targets.flush();

    // then
    assertThat(
            jdbc.queryForObject(
                "select count(*) from publication_targets where business_key = ?",
                Long.class,
                "PR-2570-0001"))
        .isEqualTo(2);
    assertThat(
            jdbc.queryForMap(
                "select remote_id, remote_url from publication_targets"
                    + " where business_key = 'PR-2570-0001' and target = 'wordpress'"))
        .containsEntry("REMOTE_ID", "77")
        .containsEntry("REMOTE_URL", "https://wp.example.go.th/pr-2570-0001/");
    assertThat(targets.find("PR-2570-0001", "webhook"))
        .get()
        .extracting(PublicationTarget::getRemoteId)
        .isEqualTo("PR-2570-0001");
    assertThat(targets.findByBusinessKey("PR-2570-0001")).hasSize(2);
    assertThat(targets.find("PR-2570-0002", "wordpress")).isEmpty();
  }
}
