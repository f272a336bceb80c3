// Groups parsed spans and relations by layer while a file is read (shared layer, pure). Formats write the
// layer per span, per line or per annotation; the parsed document lists each layer once, in first-seen order.
// A Map keyed by layer id, so ids such as "__proto__" or "constructor" are ordinary layers.
import type { ParsedLayer } from './bundle';

export class LayerCollector {
  private readonly layers = new Map<string | undefined, ParsedLayer>();

  /** The layer with this id (undefined: the format names none), created on first use. */
  layer(id: string | undefined): ParsedLayer {
    let found = this.layers.get(id);
    if (found === undefined) {
      found = id === undefined ? { spans: [], relations: [] } : { layer: id, spans: [], relations: [] };
      this.layers.set(id, found);
    }
    return found;
  }

  has(id: string | undefined): boolean {
    return this.layers.has(id);
  }

  list(): ParsedLayer[] {
    return [...this.layers.values()];
  }
}
