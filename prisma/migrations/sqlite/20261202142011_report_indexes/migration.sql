-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt");

-- CreateIndex
CREATE INDEX "Ticket_unitId_createdAt_idx" ON "Ticket"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_unitId_closedAt_idx" ON "Ticket"("unitId", "closedAt");

-- CreateIndex
CREATE INDEX "Referral_createdAt_idx" ON "Referral"("createdAt");

-- CreateIndex
CREATE INDEX "Referral_respondedAt_idx" ON "Referral"("respondedAt");

-- CreateIndex
CREATE INDEX "Referral_completedAt_idx" ON "Referral"("completedAt");

-- CreateIndex
CREATE INDEX "Feedback_createdAt_idx" ON "Feedback"("createdAt");
