-- A turn's first round trip on PostgreSQL: the chat held against other desk
-- processes, the message id recorded, and the conversation read once held.
-- Each statement of a function takes its own snapshot, so the read sees what
-- the chat's previous holder committed; as one plain statement it would read
-- with a snapshot taken before the wait for the lock.
CREATE FUNCTION slrt_hold_chat(
    lock_key TEXT,
    chat_channel TEXT,
    chat_key TEXT,
    message_id TEXT,
    processed_at TIMESTAMP(3)
) RETURNS TABLE (
    "id" TEXT,
    "flowId" TEXT,
    "flowVersion" INTEGER,
    "snapshot" TEXT,
    "updatedAt" TIMESTAMP(3),
    "identityId" TEXT,
    "citizenId" TEXT,
    "locale" TEXT
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(lock_key));
    IF message_id IS NOT NULL THEN
        INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
        VALUES (chat_channel, message_id, processed_at);
    END IF;
    RETURN QUERY SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
        i."id", i."citizenId", i."locale"
    FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
    WHERE c."channel" = chat_channel AND c."chatKey" = chat_key;
END
$$;
