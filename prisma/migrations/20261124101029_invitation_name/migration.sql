-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "name" TEXT;
