// The one typed contract between the renderer and main (shared layer). Preload, the ipcMain binding, the HTTP
// host and the renderer client are all derived from this table, so adding a method touches only its domain
// file here and the service. Each method has a runtime request schema (main validates every request) and a
// response type; the request type is inferred from the schema.
import type { z } from 'zod';
import type { MethodSpec } from './define';
import { actorMethods } from './domains/actors';
import { annotationMethods } from './domains/annotations';
import { documentMethods } from './domains/documents';
import { exchangeMethods } from './domains/exchange';
import { frameMethods } from './domains/frames';
import { schemaMethods } from './domains/schema';
import { suggestionMethods } from './domains/suggestions';
import { reviewMethods } from './domains/review';
import { preferencesMethods } from './domains/preferences';
import { searchMethods } from './domains/search';
import { workspaceMethods } from './domains/workspace';
import type { MethodName } from './methods';

export * from './domains/actors';
export * from './domains/annotations';
export * from './domains/documents';
export * from './domains/exchange';
export * from './domains/frames';
export * from './domains/schema';
export * from './domains/suggestions';
export * from './domains/review';
export * from './domains/preferences';
export * from './domains/search';
export * from './domains/workspace';
export {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  MAX_OPS_PER_REQUEST,
  MAX_REQUEST_BYTES,
  annotationOpSchema,
  spanDraftSchema,
  type AnnotationOp,
  type SpanDraft,
} from '../model';

export const contract = {
  ...workspaceMethods,
  ...documentMethods,
  ...annotationMethods,
  ...exchangeMethods,
  ...schemaMethods,
  ...actorMethods,
  ...frameMethods,
  ...suggestionMethods,
  ...reviewMethods,
  ...searchMethods,
  ...preferencesMethods,
} satisfies Record<MethodName, MethodSpec<z.ZodType, unknown>>;

type ContractNames = keyof typeof contract;
/** Fails to compile if methods.ts and the contract list different names. */
const sameNames: [ContractNames] extends [MethodName]
  ? [MethodName] extends [ContractNames]
    ? true
    : never
  : never = true;
void sameNames;

export type Contract = typeof contract;
/** What a caller passes (before validation transforms it). */
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
/** What main receives after validation. */
export type ValidRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = Contract[M]['response'];
