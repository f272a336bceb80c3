// Size limits of the data model and of what crosses the process boundary (shared layer, pure). The store, the
// contract, the importers and the hosts all read them from here, so a limit is stated once.

/** Largest canonical text we accept for one document (UTF-16 code units). */
export const MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;
export const MAX_SPANS_PER_LAYER = 200_000;
export const MAX_RELATIONS_PER_LAYER = 200_000;
export const MAX_COMMENTS_PER_DOCUMENT = 20_000;
/** Characters of context kept either side of a span's quote, for re-anchoring. */
export const CONTEXT_CHARS = 32;
export const MAX_NOTE_CHARS = 10_000;
export const MAX_COMMENT_CHARS = 4_000;
export const MAX_ATTRIBUTE_VALUE_CHARS = 200;

/** Largest single import file (bytes, before base64). */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;
/** Largest number of files in one import request. */
export const MAX_IMPORT_FILES = 200;
/** Largest serialized request body the hosts accept (bytes). */
export const MAX_REQUEST_BYTES = 48 * 1024 * 1024;
export const MAX_OPS_PER_REQUEST = 5000;
