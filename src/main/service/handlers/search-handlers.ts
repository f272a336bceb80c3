// Service handlers for search (src/main): one query over the open document or the corpus (see
// search/corpus-search.ts for how it stays responsive and cancellable).
import type { ServiceHandlers } from '../dispatch';
import { runSearch } from '../search/corpus-search';
import type { ServiceContext } from '../service-context';

type SearchHandlers = Pick<ServiceHandlers, 'search:run'>;

export function searchHandlers(ctx: ServiceContext): SearchHandlers {
  return {
    'search:run': (request, caller) => runSearch(ctx, request, caller),
  };
}
