-- CreateTable
CREATE TABLE "SlaNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "referralId" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Service" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameId" TEXT NOT NULL,
    "nameSu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionId" TEXT NOT NULL DEFAULT '',
    "descriptionSu" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "slaDays" INTEGER NOT NULL,
    "firstResponseDays" INTEGER NOT NULL DEFAULT 1,
    "referralResponseDays" INTEGER NOT NULL DEFAULT 2,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO "new_Service" ("active", "code", "descriptionEn", "descriptionId", "descriptionSu", "firstResponseDays", "nameEn", "nameId", "nameSu", "slaDays", "sortOrder", "urgent") SELECT "active", "code", "descriptionEn", "descriptionId", "descriptionSu", "firstResponseDays", "nameEn", "nameId", "nameSu", "slaDays", "sortOrder", "urgent" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SlaNotice_ticketId_referralId_kind_threshold_dueAt_key" ON "SlaNotice"("ticketId", "referralId", "kind", "threshold", "dueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_firstResponseDueAt_idx" ON "Ticket"("status", "firstResponseDueAt");

-- CreateIndex
CREATE INDEX "Referral_status_createdAt_idx" ON "Referral"("status", "createdAt");

-- CreateIndex
CREATE INDEX "TicketEvent_toStatus_createdAt_idx" ON "TicketEvent"("toStatus", "createdAt");
