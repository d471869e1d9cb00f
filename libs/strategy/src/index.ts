export * from './entities.js';
export * from './text-search.js';
export * from './strategy.service.js';
export * from './strategy.module.js';
export { detectDocumentKind, parseStrategyDocument } from './import/index.js';
export type { ParsedDocument, ParsedNode } from './import/index.js';
