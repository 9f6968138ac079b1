-- DropIndex
DROP INDEX "ContactFact_workspaceId_ts_idx";

-- CreateIndex
CREATE INDEX "ContactFact_workspaceId_ts_customerId_channel_clickedAt_idx" ON "ContactFact"("workspaceId", "ts", "customerId", "channel", "clickedAt");
