/**
 * Loader for the Mohler et al. (2011) short-answer grading corpus: computer
 * science questions, a desired (model) answer each, and student answers graded
 * 0–5 by two people. Pure: takes the CSV text, never touches the file system.
 */
import { CsvParseError, parseCsvRecords } from './csv';

export interface MohlerAnswer {
  questionId: string;
  question: string;
  desiredAnswer: string;
  studentAnswer: string;
  scoreMe: number;
  scoreOther: number;
  scoreAvg: number;
}

export interface MohlerQuestion {
  id: string;
  question: string;
  desiredAnswer: string;
}

export interface MohlerCorpus {
  answers: MohlerAnswer[];
  /** One entry per question id, in order of first appearance. */
  questions: MohlerQuestion[];
  /** Rows dropped because a spreadsheet mangled the answer into `#NAME?`. */
  dropped: number;
}

export const MOHLER_COLUMNS = [
  'id',
  'question',
  'desired_answer',
  'student_answer',
  'score_me',
  'score_other',
  'score_avg',
] as const;

/** A spreadsheet read answers starting with "=" or "-" as formulas and replaced them with this error text. */
const DAMAGED_ANSWER = '#NAME?';

function parseGrade(raw: string, column: string, line: number): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 5) {
    throw new CsvParseError(`column ${column} is not a grade in [0, 5]: ${JSON.stringify(raw)}`, line);
  }
  return value;
}

export function parseMohlerCsv(text: string): MohlerCorpus {
  const { header, records, lines } = parseCsvRecords(text);
  const missing = MOHLER_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new CsvParseError(`missing column(s): ${missing.join(', ')}`, 1);
  }
  const answers: MohlerAnswer[] = [];
  const questions = new Map<string, MohlerQuestion>();
  let dropped = 0;
  records.forEach((record, index) => {
    const line = lines[index];
    if (record.student_answer.trim() === DAMAGED_ANSWER) {
      dropped += 1;
      return;
    }
    const answer: MohlerAnswer = {
      questionId: record.id.trim(),
      question: record.question.trim(),
      desiredAnswer: record.desired_answer.trim(),
      studentAnswer: record.student_answer,
      scoreMe: parseGrade(record.score_me, 'score_me', line),
      scoreOther: parseGrade(record.score_other, 'score_other', line),
      scoreAvg: parseGrade(record.score_avg, 'score_avg', line),
    };
    if (answer.questionId === '') throw new CsvParseError('record has no question id', line);
    const known = questions.get(answer.questionId);
    if (!known) {
      questions.set(answer.questionId, {
        id: answer.questionId,
        question: answer.question,
        desiredAnswer: answer.desiredAnswer,
      });
    } else if (known.desiredAnswer !== answer.desiredAnswer) {
      throw new CsvParseError(`question ${answer.questionId} has two different desired answers`, line);
    }
    answers.push(answer);
  });
  return { answers, questions: [...questions.values()], dropped };
}

/** Sorts ids like "1.2" < "1.10" < "2.1" numerically, part by part. */
export function compareQuestionIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
  }
  return a.localeCompare(b);
}
