// Search in one import: text queries and their matches, and searching documents' text or annotations
// (shared layer, pure).
export * from './text-query';
export * from './search-documents';
