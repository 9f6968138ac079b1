-- CreateIndex
CREATE INDEX "Event_purchases_by_customer_idx" ON "Event"("workspaceId", "customerId", "ts") WHERE (type = 'purchased');
