-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'id',
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedById" TEXT;

-- CreateTable
CREATE TABLE "DashboardAccess" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DashboardAccess_tokenHash_key" ON "DashboardAccess"("tokenHash");

-- CreateIndex
CREATE INDEX "DashboardAccess_staffId_idx" ON "DashboardAccess"("staffId");

-- CreateIndex
CREATE INDEX "DashboardAccess_expiresAt_idx" ON "DashboardAccess"("expiresAt");

-- CreateIndex
CREATE INDEX "TicketEvent_actorId_createdAt_idx" ON "TicketEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_type_createdAt_idx" ON "TicketEvent"("type", "createdAt");
