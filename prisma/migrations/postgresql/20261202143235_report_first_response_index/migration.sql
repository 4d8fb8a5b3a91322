-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_actorKind_type_createdAt_idx" ON "TicketEvent"("ticketId", "actorKind", "type", "createdAt");
