-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "referralResponseDays" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "SlaNotice" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "referralId" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlaNotice_ticketId_referralId_kind_threshold_dueAt_key" ON "SlaNotice"("ticketId", "referralId", "kind", "threshold", "dueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_firstResponseDueAt_idx" ON "Ticket"("status", "firstResponseDueAt");

-- CreateIndex
CREATE INDEX "Referral_status_createdAt_idx" ON "Referral"("status", "createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_toStatus_createdAt_idx" ON "TicketEvent"("toStatus", "createdAt");
