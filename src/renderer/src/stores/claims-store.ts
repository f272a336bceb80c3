// Frames across the corpus for the claims table and the corpus view (src/renderer/stores): main reads every
// document and builds the rows with the same shared function the open document's table uses.
import type { FramesList } from '@shared/api';
import type { TagwrightApi } from '../api/client';

export function createClaimsStore(api: TagwrightApi) {
  return {
    /** The frames of `layers` (empty: the analyst's own) in every document; an error message on failure. */
    async corpus(layers: readonly string[]): Promise<FramesList | string> {
      const result = await api['frames:list']({ layers: [...layers] });
      return result.ok ? result.value : result.error.message;
    },
  };
}

export type ClaimsStore = ReturnType<typeof createClaimsStore>;
