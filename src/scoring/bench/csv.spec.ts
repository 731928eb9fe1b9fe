import { CsvParseError, parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('splits plain fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'id,text\n1,"hello, world"\n2,"she said ""hi"""\n3,"line one\nline two"\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'text'],
      ['1', 'hello, world'],
      ['2', 'she said "hi"'],
      ['3', 'line one\nline two'],
    ]);
  });

  it('accepts CRLF line ends, also inside quotes, and a missing final line break', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z')).toEqual([
      ['a', 'b'],
      ['x\r\ny', 'z'],
    ]);
  });

  it('keeps empty fields, including a quoted empty field and a trailing empty field', () => {
    expect(parseCsv(',a,,""\n1,,2,\n')).toEqual([
      ['', 'a', '', ''],
      ['1', '', '2', ''],
    ]);
  });

  it('skips a leading byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\n')).toEqual([['a', 'b']]);
  });

  it('returns no rows for empty input', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('rejects an unterminated quote, reporting the line where it opened', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(new CsvParseError('unterminated quoted field', 2));
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/after closing quote/);
  });

  it('rejects a quote in the middle of an unquoted field', () => {
    expect(() => parseCsv('ab"c,d')).toThrow(/quote inside an unquoted field/);
  });
});

describe('parseCsvRecords', () => {
  it('keys records by header name and reports the line each record starts on', () => {
    const parsed = parseCsvRecords('name,note\nann,"two\nlines"\nbob,short\n');
    expect(parsed.header).toEqual(['name', 'note']);
    expect(parsed.records).toEqual([
      { name: 'ann', note: 'two\nlines' },
      { name: 'bob', note: 'short' },
    ]);
    expect(parsed.lines).toEqual([2, 4]);
  });

  it('skips blank lines', () => {
    expect(parseCsvRecords('a,b\n\n1,2\n\n').records).toEqual([{ a: '1', b: '2' }]);
  });

  it('rejects a record whose width differs from the header, naming its line', () => {
    expect(() => parseCsvRecords('a,b\n1,2\n"x\ny"\n')).toThrow(new CsvParseError('record has 1 fields, header has 2', 3));
  });

  it('rejects input without a header row', () => {
    expect(() => parseCsvRecords('')).toThrow(/no header row/);
  });
});
