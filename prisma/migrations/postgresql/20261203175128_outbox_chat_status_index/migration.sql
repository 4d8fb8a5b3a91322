-- DropIndex
DROP INDEX "Outbox_channel_chatKey_id_idx";

-- CreateIndex
CREATE INDEX "Outbox_channel_chatKey_status_id_idx" ON "Outbox"("channel", "chatKey", "status", "id");
