/**
 * RFC 4180 CSV parsing: quoted fields may hold commas, doubled quotes and line
 * breaks. Kept strict so that a damaged file fails loudly instead of silently
 * shifting columns (which would corrupt every figure computed from it).
 */

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvParseError';
  }
}

/** Parses CSV text into rows of fields. Accepts CRLF or LF line ends; a final line break is optional. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((row) => row.fields);
}

interface CsvRow {
  fields: string[];
  /** 1-based line on which the record starts (records may span lines). */
  line: number;
}

function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;
  let line = 1;
  let quoteOpenedOnLine = 0;
  let rowStartLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push({ fields: row, line: rowStartLine });
    row = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvParseError(`unexpected character ${JSON.stringify(next)} after closing quote`, line);
        }
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field.length > 0 || fieldWasQuoted) {
        throw new CsvParseError('quote inside an unquoted field', line);
      }
      inQuotes = true;
      fieldWasQuoted = true;
      quoteOpenedOnLine = line;
      i += 1;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowStartLine = line;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (inQuotes) throw new CsvParseError('unterminated quoted field', quoteOpenedOnLine);
  // A trailing line break ends the last record; it does not start an empty one.
  if (field.length > 0 || fieldWasQuoted || row.length > 0) endRow();
  return rows;
}

export interface CsvRecords {
  header: string[];
  records: Record<string, string>[];
  /** 1-based source line where each record starts, parallel to `records` (for error messages). */
  lines: number[];
}

/** Parses CSV with a header row into records keyed by column name; every row must have the header's width. */
export function parseCsvRecords(text: string): CsvRecords {
  const rows = parseCsvRows(text);
  if (rows.length === 0) throw new CsvParseError('empty input: no header row', 1);
  const [{ fields: header }, ...body] = rows;
  // Blank lines carry no record; skipping them keeps a stray empty line from failing a whole file.
  const nonBlank = body.filter(({ fields }) => !(fields.length === 1 && fields[0] === ''));
  const records = nonBlank.map(({ fields, line }) => {
    if (fields.length !== header.length) {
      throw new CsvParseError(`record has ${fields.length} fields, header has ${header.length}`, line);
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      record[name] = fields[column];
    });
    return record;
  });
  return { header, records, lines: nonBlank.map(({ line }) => line) };
}
