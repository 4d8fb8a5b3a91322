-- CreateIndex
CREATE INDEX "Ticket_originIdentityId_createdAt_idx" ON "Ticket"("originIdentityId", "createdAt");
