-- CreateIndex
CREATE INDEX "Outbox_channel_platformMessageId_idx" ON "Outbox"("channel", "platformMessageId");
