-- CreateEnum
CREATE TYPE "RetentionMode" AS ENUM ('delete', 'anonymise');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "retentionMode" "RetentionMode" NOT NULL DEFAULT 'delete',
ADD COLUMN     "retentionMonths" INTEGER,
ADD COLUMN     "retentionRunAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SuppressedCustomer" (
    "workspaceId" INTEGER NOT NULL,
    "customerHash" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" TEXT,

    CONSTRAINT "SuppressedCustomer_pkey" PRIMARY KEY ("workspaceId","customerHash")
);

-- AddForeignKey
ALTER TABLE "SuppressedCustomer" ADD CONSTRAINT "SuppressedCustomer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
