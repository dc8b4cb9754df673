package com.faultlink.tickets;

import com.faultlink.config.TicketsConfig;
import com.faultlink.model.Complaint;
import org.apache.flink.api.common.functions.MapFunction;

/** A complaint as the creation of its ticket: the tier its severity puts it in, and so its deadline. */
public final class TicketCreations implements MapFunction<Complaint, TicketFact> {
  private static final long serialVersionUID = 1L;
  private final TicketsConfig tickets;

  public TicketCreations(TicketsConfig tickets) {
    this.tickets = tickets;
  }

  @Override
  public TicketFact map(Complaint c) {
    TicketsConfig.Tier tier = tickets.tierOf(c.severity());
    return TicketFact.created(c, tier.name(), c.time() + tier.deadline().toMillis());
  }
}
