-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "derivedThroughId" BIGINT NOT NULL DEFAULT 0;
