-- CreateIndex
CREATE INDEX "ContactFact_with_preferences_idx" ON "ContactFact"("workspaceId", "ts", "customerId", "channel", "topic", "statedMaxPerWeek", "statedTopics") WHERE "hasPreferences";
