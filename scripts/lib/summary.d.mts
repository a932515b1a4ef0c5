export interface Summary {
  passed: number;
  failed: number;
  /** One line per failed test: where it is, its name and the first line of its error. */
  failures: string[];
}
export function summarize(files: string[]): Summary;
export function report(summary: Summary): void;
