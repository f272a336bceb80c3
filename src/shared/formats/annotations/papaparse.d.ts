// The part of papaparse's API the CSV codec uses (shared layer). Declared here rather than taken from
// @types/papaparse, whose `/// <reference types="node" />` would put Node's globals into src/shared's types.
declare module 'papaparse' {
  export interface UnparseConfig {
    quotes?: boolean;
    delimiter?: string;
    newline?: string;
    header?: boolean;
    /** true: escape cells starting with = + - @ tab or CR; a RegExp: escape cells it matches (prefix "'"). */
    escapeFormulae?: boolean | RegExp;
  }
  export interface ParseConfig {
    header?: boolean;
    skipEmptyLines?: boolean | 'greedy';
  }
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: { fields?: string[] };
  }
  export function unparse(data: { fields: string[]; data: unknown[][] }, config?: UnparseConfig): string;
  export function parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
  const Papa: { unparse: typeof unparse; parse: typeof parse };
  export default Papa;
}
