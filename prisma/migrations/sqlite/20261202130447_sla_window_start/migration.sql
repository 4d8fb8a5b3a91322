-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "slaStartedAt" DATETIME;
