-- DropIndex
DROP INDEX "Event_workspaceId_customerId_ts_idx";

-- DropIndex
DROP INDEX "Event_workspaceId_type_ts_idx";

-- CreateIndex
CREATE INDEX "Event_workspaceId_customerId_ts_type_channel_idx" ON "Event"("workspaceId", "customerId", "ts", "type", "channel");

-- CreateIndex
CREATE INDEX "Event_workspaceId_type_ts_channel_customerId_idx" ON "Event"("workspaceId", "type", "ts", "channel", "customerId");
