// The API contract in one import (shared layer).
export * from './result';
export * from './methods';
export * from './contract';
export * from './workbench-events';
