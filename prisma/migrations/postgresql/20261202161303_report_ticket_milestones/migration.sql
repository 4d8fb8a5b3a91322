-- DropIndex
DROP INDEX "Ticket_status_slaDueAt_idx";

-- DropIndex
DROP INDEX "Ticket_createdAt_idx";

-- DropIndex
DROP INDEX "Ticket_closedAt_idx";

-- DropIndex
DROP INDEX "Ticket_unitId_createdAt_idx";

-- DropIndex
DROP INDEX "Ticket_unitId_closedAt_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "firstRespondedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedAt" TIMESTAMP(3);

-- Reports measure from these two moments, filled here from the events recorded so far.
UPDATE "Ticket" SET "firstRespondedAt" = (
  SELECT MIN(e."createdAt") FROM "TicketEvent" e
  WHERE e."ticketId" = "Ticket"."id"
    AND e."actorKind" IN ('petugas', 'koordinator', 'admin')
    AND e."type" NOT IN ('note', 'personal_data_viewed')
);
UPDATE "Ticket" SET "resolvedAt" = (
  SELECT MAX(e."createdAt") FROM "TicketEvent" e
  WHERE e."ticketId" = "Ticket"."id" AND e."toStatus" IN ('SELESAI', 'DITOLAK')
);

-- CreateIndex
CREATE INDEX "Ticket_status_slaDueAt_areaCode_idx" ON "Ticket"("status", "slaDueAt", "areaCode");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_unitId_areaCode_kind_serviceCode_topic_fir_idx" ON "Ticket"("createdAt", "unitId", "areaCode", "kind", "serviceCode", "topic", "firstRespondedAt");

-- CreateIndex
CREATE INDEX "Ticket_unitId_createdAt_areaCode_kind_serviceCode_topic_fir_idx" ON "Ticket"("unitId", "createdAt", "areaCode", "kind", "serviceCode", "topic", "firstRespondedAt");

-- CreateIndex
CREATE INDEX "Ticket_closedAt_unitId_areaCode_serviceCode_idx" ON "Ticket"("closedAt", "unitId", "areaCode", "serviceCode");

-- CreateIndex
CREATE INDEX "Ticket_unitId_closedAt_areaCode_serviceCode_idx" ON "Ticket"("unitId", "closedAt", "areaCode", "serviceCode");

-- CreateIndex
CREATE INDEX "Ticket_resolvedAt_unitId_areaCode_createdAt_slaDueAt_idx" ON "Ticket"("resolvedAt", "unitId", "areaCode", "createdAt", "slaDueAt");

-- CreateIndex
CREATE INDEX "Ticket_unitId_resolvedAt_areaCode_createdAt_slaDueAt_idx" ON "Ticket"("unitId", "resolvedAt", "areaCode", "createdAt", "slaDueAt");
