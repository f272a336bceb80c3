// The preload's API, as the renderer sees it: a snapshot of its exact shape, so adding or removing anything
// that crosses into the page is a visible, reviewed change; and each function forwards only its request.
import { describe, expect, it } from 'vitest';
import { buildBridge } from './bridge';

describe('the preload bridge', () => {
  it('exposes exactly the contract methods, as functions, and nothing else', () => {
    const bridge = buildBridge(
      async () => null,
      () => () => {},
    );
    const shape = Object.entries(bridge).map(([name, value]) => `${name}: ${typeof value}`);
    expect(shape).toMatchInlineSnapshot(`
      [
        "workspace:get: function",
        "workspace:open: function",
        "annotator:set-local: function",
        "annotator:rename: function",
        "document:get: function",
        "documents:import: function",
        "annotations:apply: function",
        "document:set-status: function",
        "document:rename: function",
        "document:set-meta: function",
        "document:delete: function",
        "document:restore: function",
        "trash:list: function",
        "formats:list: function",
        "export:run: function",
        "import:preview: function",
        "import:commit: function",
        "task:cancel: function",
        "schema:preview: function",
        "schema:update: function",
        "actors:list: function",
        "actors:rename: function",
        "actors:assign: function",
        "frames:list: function",
        "suggestions:find: function",
        "suggestions:machine: function",
        "suggestions:write-layer: function",
        "suggestions:reject: function",
        "review:agreement: function",
        "review:disagreements: function",
        "review:compare: function",
        "review:decide: function",
        "comments:add: function",
        "comments:remove: function",
        "search:run: function",
        "preferences:get: function",
        "preferences:set: function",
        "onEvent: function",
      ]
    `);
    expect(Object.getPrototypeOf(bridge)).toBeNull();
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards one request on the channel of its method, whatever else the page passes', async () => {
    const calls: unknown[][] = [];
    const bridge = buildBridge(
      async (...args) => {
        calls.push(args);
        return 'answer';
      },
      () => () => {},
    );
    const call = bridge['document:get'] as (...args: unknown[]) => Promise<unknown>;
    await expect(call({ docId: 'd1' }, 'extra', { sneaky: true })).resolves.toBe('answer');
    expect(calls).toEqual([['document:get', { docId: 'd1' }]]);
  });
});
