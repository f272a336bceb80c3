// The names of the contract's methods, free of any runtime dependency, so the sandboxed preload can loop over
// them without bundling zod (shared layer). `contract.ts` checks that it declares exactly these names.
export const methodNames = [
  'workspace:get',
  'workspace:open',
  'annotator:set-local',
  'annotator:rename',
  'document:get',
  'documents:import',
  'annotations:apply',
  'document:set-status',
  'document:rename',
  'document:set-meta',
  'document:delete',
  'document:restore',
  'trash:list',
  'formats:list',
  'export:run',
  'import:preview',
  'import:commit',
  'task:cancel',
  'schema:preview',
  'schema:update',
  'actors:list',
  'actors:rename',
  'actors:assign',
  'frames:list',
  'suggestions:find',
  'suggestions:machine',
  'suggestions:write-layer',
  'suggestions:reject',
  'review:agreement',
  'review:disagreements',
  'review:compare',
  'review:decide',
  'comments:add',
  'comments:remove',
  'search:run',
  'preferences:get',
  'preferences:set',
] as const;

export type MethodName = (typeof methodNames)[number];

export function isMethodName(value: string): value is MethodName {
  return (methodNames as readonly string[]).includes(value);
}
