// Document import in one import: the file dispatcher, the draft types and each codec (shared layer, pure).
export * from './document-draft';
export { importFile, fileNameParts, fileSizeProblem, formatBytes } from './import-file';
export { htmlToText } from './html-to-text';
export { parseHtmlDocument } from './html-documents';
export { parseJsonlDocuments } from './jsonl-documents';
export { markdownToText } from './markdown-to-text';
export { parseMarkdownDocument, parsePlainTextDocument, titleFromStem } from './text-documents';
