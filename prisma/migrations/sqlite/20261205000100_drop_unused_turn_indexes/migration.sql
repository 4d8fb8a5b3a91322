-- DropIndex
DROP INDEX "Conversation_updatedAt_idx";

-- DropIndex
DROP INDEX "ProcessedMessage_processedAt_idx";
