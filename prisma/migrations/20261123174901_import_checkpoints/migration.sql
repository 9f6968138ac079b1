-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "eventsDeletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "filePath" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3),
ADD COLUMN     "linesDone" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ImportBatch_status_idx" ON "ImportBatch"("status");
