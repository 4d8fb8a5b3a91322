-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "latitude" REAL;
ALTER TABLE "Ticket" ADD COLUMN "longitude" REAL;

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "identityId" TEXT NOT NULL,
    "ticketId" TEXT,
    "direction" TEXT NOT NULL,
    "staffId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "ThreadMessage_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ThreadMessage_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "ChannelIdentity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ThreadMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ThreadMessage_unitId_readAt_createdAt_idx" ON "ThreadMessage"("unitId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_identityId_createdAt_idx" ON "ThreadMessage"("identityId", "createdAt");
