-- CreateTable
CREATE TABLE "StaffChat" (
    "channel" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "staffId" TEXT,
    "unitId" TEXT,
    "partnerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("channel", "chatKey")
);

-- CreateIndex
CREATE INDEX "StaffChat_unitId_idx" ON "StaffChat"("unitId");

-- CreateIndex
CREATE INDEX "StaffChat_partnerId_idx" ON "StaffChat"("partnerId");
