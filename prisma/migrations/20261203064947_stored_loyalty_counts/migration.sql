-- CreateTable
CREATE TABLE "StoredLoyaltyCounts" (
    "workspaceId" INTEGER NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "windowMs" BIGINT NOT NULL,
    "frequencyCap" DOUBLE PRECISION NOT NULL,
    "counts" JSONB NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "StoredLoyaltyCounts_pkey" PRIMARY KEY ("workspaceId","end","windowMs","frequencyCap")
);

-- AddForeignKey
ALTER TABLE "StoredLoyaltyCounts" ADD CONSTRAINT "StoredLoyaltyCounts_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
