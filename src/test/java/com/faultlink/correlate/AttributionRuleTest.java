package com.faultlink.correlate;

import static com.faultlink.TestCells.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionRuleTest {
  private static final long TAIL = minutes(30);

  private static CandidateOutage candidate(String id, MatchLevel level, long start, Long end) {
    return new CandidateOutage("C1a", level,
        new Outage(id, "X", "S", "Yinchuan", "4G", start, end, null, false, null));
  }

  @Test
  void closestLevelWinsOverALaterStart() {
    CandidateOutage site = candidate("b", MatchLevel.SITE, 0, null);
    CandidateOutage neighbour = candidate("a", MatchLevel.NEIGHBOR, minutes(5), null);
    assertThat(AttributionRule.choose(List.of(neighbour, site), minutes(10), TAIL)).isSameAs(site);
  }

  @Test
  void atTheSameLevelTheLatestStartWinsThenTheSmallestId() {
    CandidateOutage early = candidate("a", MatchLevel.NEIGHBOR, 0, null);
    CandidateOutage late1 = candidate("c", MatchLevel.NEIGHBOR, minutes(5), null);
    CandidateOutage late2 = candidate("b", MatchLevel.NEIGHBOR, minutes(5), null);
    assertThat(AttributionRule.choose(List.of(early, late1, late2), minutes(10), TAIL)).isSameAs(late2);
  }

  @Test
  void theTailCountsUpToAndIncludingItsLength() {
    CandidateOutage closed = candidate("a", MatchLevel.CELL, 0, minutes(10));
    assertThat(AttributionRule.choose(List.of(closed), minutes(40), TAIL)).isSameAs(closed);
    assertThat(AttributionRule.choose(List.of(closed), minutes(40) + 1, TAIL)).isNull();
  }

  @Test
  void aComplaintBeforeTheOutageStartsIsNotCaused() {
    CandidateOutage open = candidate("a", MatchLevel.CELL, minutes(10), null);
    assertThat(AttributionRule.choose(List.of(open), minutes(9), TAIL)).isNull();
    assertThat(AttributionRule.choose(List.of(open), minutes(10), TAIL)).isSameAs(open);
  }
}
