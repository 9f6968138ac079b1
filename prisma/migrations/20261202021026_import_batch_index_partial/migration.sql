-- DropIndex
DROP INDEX "Event_workspaceId_importBatchId_idx";

-- CreateIndex
CREATE INDEX "Event_import_batch_idx" ON "Event"("workspaceId", "importBatchId") WHERE ("importBatchId" IS NOT NULL);
