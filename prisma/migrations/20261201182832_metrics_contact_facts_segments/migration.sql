-- CreateTable
CREATE TABLE "ContactFact" (
    "workspaceId" INTEGER NOT NULL,
    "eventId" BIGINT NOT NULL,
    "customerId" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "channel" "Channel",
    "messageId" TEXT,
    "campaignId" TEXT,
    "kind" "MessageKind" NOT NULL,
    "topic" TEXT,
    "clickedAt" TIMESTAMPTZ(3),
    "relevance" SMALLINT,
    "optedOutAt" TIMESTAMPTZ(3),
    "statedTopics" TEXT[],
    "hasPreferences" BOOLEAN NOT NULL DEFAULT false,
    "statedMaxPerWeek" DOUBLE PRECISION,

    CONSTRAINT "ContactFact_pkey" PRIMARY KEY ("workspaceId","eventId")
);

-- CreateTable
CREATE TABLE "Segment" (
    "workspaceId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateIndex
CREATE INDEX "ContactFact_workspaceId_ts_idx" ON "ContactFact"("workspaceId", "ts");

-- CreateIndex
CREATE INDEX "ContactFact_workspaceId_customerId_ts_idx" ON "ContactFact"("workspaceId", "customerId", "ts");

-- CreateIndex
CREATE INDEX "Segment_workspaceId_ownerId_idx" ON "Segment"("workspaceId", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_id_key" ON "Segment"("id");

-- AddForeignKey
ALTER TABLE "ContactFact" ADD CONSTRAINT "ContactFact_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
