/** Where the parser puts what it could not read: problems located at a line of the document. */
import type { Location, Problem } from '../errors/problem.ts';
import type { SourceLine } from './source-lines.ts';

export class Notes {
  readonly problems: Problem[] = [];

  constructor(readonly file: string) {}

  /** The location of a line of this document (or of the document itself). */
  at(line?: SourceLine): Location {
    return line ? { file: this.file, line: line.number } : { file: this.file };
  }

  add(p: Problem): void {
    this.problems.push(p);
  }
}
