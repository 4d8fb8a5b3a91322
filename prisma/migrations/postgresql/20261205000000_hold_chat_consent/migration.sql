-- The hold also reads the conversation identity's latest consent, of any
-- purpose: every flow start asks for it (a third of a resident's turns),
-- and it was a round trip of its own. The latest of any purpose answers for
-- its own purpose, and its absence answers for every purpose; a turn asking
-- for another purpose than the latest row's still asks the table. No index
-- serves (identityId, createdAt) alone: the (identityId, purpose, createdAt)
-- index finds the identity's few rows, which are sorted.
DROP FUNCTION slrt_hold_chat(TEXT, TEXT, TEXT, TEXT, TIMESTAMP(3), TEXT);

CREATE FUNCTION slrt_hold_chat(
    lock_key TEXT,
    chat_channel TEXT,
    chat_key TEXT,
    message_id TEXT,
    processed_at TIMESTAMP(3),
    staff_sender TEXT
) RETURNS TABLE (
    "id" TEXT,
    "flowId" TEXT,
    "flowVersion" INTEGER,
    "snapshot" TEXT,
    "updatedAt" TIMESTAMP(3),
    "identityId" TEXT,
    "citizenId" TEXT,
    "locale" TEXT,
    "sentByStaff" BOOLEAN,
    "consentPurpose" TEXT,
    "consentGranted" BOOLEAN,
    "consentVersion" TEXT
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    IF staff_sender IS NOT NULL AND EXISTS (
        SELECT 1 FROM "ChannelIdentity" ci JOIN "Staff" s ON s."id" = ci."staffId"
        WHERE ci."channel" = chat_channel AND ci."externalId" = staff_sender AND s."active"
    ) THEN
        RETURN QUERY SELECT NULL::TEXT, NULL::TEXT, NULL::INTEGER, NULL::TEXT,
            NULL::TIMESTAMP(3), NULL::TEXT, NULL::TEXT, NULL::TEXT, TRUE,
            NULL::TEXT, NULL::BOOLEAN, NULL::TEXT;
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext(lock_key));
    IF message_id IS NOT NULL THEN
        INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
        VALUES (chat_channel, message_id, processed_at);
    END IF;
    RETURN QUERY SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
        i."id", i."citizenId", i."locale", FALSE,
        k."purpose", k."granted", k."version"
    FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
    LEFT JOIN LATERAL (
        SELECT g."purpose", g."granted", g."version" FROM "Consent" g
        WHERE g."identityId" = i."id"
        ORDER BY g."createdAt" DESC, g."id" DESC LIMIT 1
    ) k ON TRUE
    WHERE c."channel" = chat_channel AND c."chatKey" = chat_key;
END
$$;
