-- The hold also answers whether the sender is an active staff member, whose
-- message is the staff desk's: asked before the chat is held or anything is
-- written, in the round trip the turn makes anyway, instead of in a query of
-- its own before every message. staff_sender NULL: not asked. Such a sender
-- gets one row with "sentByStaff" true and nothing else; otherwise the
-- conversation's row, if there is one, with "sentByStaff" false.
DROP FUNCTION slrt_hold_chat(TEXT, TEXT, TEXT, TEXT, TIMESTAMP(3));

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
    "sentByStaff" BOOLEAN
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    IF staff_sender IS NOT NULL AND EXISTS (
        SELECT 1 FROM "ChannelIdentity" ci JOIN "Staff" s ON s."id" = ci."staffId"
        WHERE ci."channel" = chat_channel AND ci."externalId" = staff_sender AND s."active"
    ) THEN
        RETURN QUERY SELECT NULL::TEXT, NULL::TEXT, NULL::INTEGER, NULL::TEXT,
            NULL::TIMESTAMP(3), NULL::TEXT, NULL::TEXT, NULL::TEXT, TRUE;
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext(lock_key));
    IF message_id IS NOT NULL THEN
        INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
        VALUES (chat_channel, message_id, processed_at);
    END IF;
    RETURN QUERY SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
        i."id", i."citizenId", i."locale", FALSE
    FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
    WHERE c."channel" = chat_channel AND c."chatKey" = chat_key;
END
$$;
