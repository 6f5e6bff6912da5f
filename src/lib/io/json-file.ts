import { readFileSync } from 'node:fs';

/** A JSON file that cannot be read or parsed; the message names the file, line and column. */
export class JsonFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'JsonFileError';
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses JSON, turning V8's error into "line L, column C". Node 20 reports a character position
 * ("at position 123"); newer versions may report "(line 3 column 5)" themselves.
 */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineColumn
      ? `line ${lineColumn[1]}, column ${lineColumn[2]}`
      : position
        ? (({ line, column }) => `line ${line}, column ${column}`)(lineAndColumn(text, Number(position[1])))
        : text.trim() === ''
          ? 'the file is empty'
          : 'at the end of the file';
    throw new JsonFileError(file, `not valid JSON at ${where} (${message})`);
  }
}

/** Reads and parses a JSON file relative to `root`; every failure names the file. */
export function readJsonFile(root: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(`${root}/${file}`, 'utf8');
  } catch (error) {
    throw new JsonFileError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseJsonText(file, text);
}
