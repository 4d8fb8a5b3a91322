-- DropIndex
DROP INDEX "Referral_createdAt_idx";

-- DropIndex
DROP INDEX "Referral_respondedAt_idx";

-- DropIndex
DROP INDEX "Referral_completedAt_idx";

-- DropIndex
DROP INDEX "Feedback_createdAt_idx";

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "areaCode" TEXT,
ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "areaCode" TEXT,
ADD COLUMN     "unitId" TEXT;

-- Copy each ticket's unit and area onto its referrals and ratings recorded so far.
UPDATE "Referral" SET
  "unitId" = (SELECT t."unitId" FROM "Ticket" t WHERE t."id" = "Referral"."ticketId"),
  "areaCode" = (SELECT t."areaCode" FROM "Ticket" t WHERE t."id" = "Referral"."ticketId");
UPDATE "Feedback" SET
  "unitId" = (SELECT t."unitId" FROM "Ticket" t WHERE t."id" = "Feedback"."ticketId"),
  "areaCode" = (SELECT t."areaCode" FROM "Ticket" t WHERE t."id" = "Feedback"."ticketId");

-- CreateIndex
CREATE INDEX "Referral_createdAt_unitId_areaCode_partnerId_idx" ON "Referral"("createdAt", "unitId", "areaCode", "partnerId");

-- CreateIndex
CREATE INDEX "Referral_respondedAt_unitId_areaCode_partnerId_status_idx" ON "Referral"("respondedAt", "unitId", "areaCode", "partnerId", "status");

-- CreateIndex
CREATE INDEX "Referral_completedAt_unitId_areaCode_partnerId_status_idx" ON "Referral"("completedAt", "unitId", "areaCode", "partnerId", "status");

-- CreateIndex
CREATE INDEX "Feedback_createdAt_unitId_areaCode_rating_idx" ON "Feedback"("createdAt", "unitId", "areaCode", "rating");

-- The database keeps the copies, so no way of writing a referral or a rating
-- (the desk, the admin CLI, a test fixture) can leave them out of a report,
-- and an escalation moves them with the ticket.
CREATE FUNCTION "report_scope_from_ticket"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT t."unitId", t."areaCode" INTO NEW."unitId", NEW."areaCode"
  FROM "Ticket" t WHERE t."id" = NEW."ticketId";
  RETURN NEW;
END
$$;

CREATE TRIGGER "Referral_scope_on_insert" BEFORE INSERT ON "Referral"
FOR EACH ROW EXECUTE FUNCTION "report_scope_from_ticket"();

CREATE TRIGGER "Feedback_scope_on_insert" BEFORE INSERT ON "Feedback"
FOR EACH ROW EXECUTE FUNCTION "report_scope_from_ticket"();

CREATE FUNCTION "report_scope_follow_ticket"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Referral" SET "unitId" = NEW."unitId", "areaCode" = NEW."areaCode" WHERE "ticketId" = NEW."id";
  UPDATE "Feedback" SET "unitId" = NEW."unitId", "areaCode" = NEW."areaCode" WHERE "ticketId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Ticket_scope_on_move" AFTER UPDATE OF "unitId", "areaCode" ON "Ticket"
FOR EACH ROW WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."areaCode" IS DISTINCT FROM NEW."areaCode")
EXECUTE FUNCTION "report_scope_follow_ticket"();
