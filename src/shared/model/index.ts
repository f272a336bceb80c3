// The domain model in one import: ids, label schema, documents and the workspace index (shared layer).
export * from './ids';
export * from './limits';
export * from './label-schema';
export * from './document';
export * from './workspace';
export * from './summary';
export * from './preferences';
export * from './layer-index';
export * from './ops';
export * from './records';
export * from './document-checks';
