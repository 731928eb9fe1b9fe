-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "section_order" INTEGER NOT NULL DEFAULT 1000;
