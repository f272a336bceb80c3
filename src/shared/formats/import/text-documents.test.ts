// Plain-text codec helpers: titles made from file names.
import { describe, it, expect } from 'vitest';
import { titleFromStem } from './text-documents';

describe('titleFromStem', () => {
  it('turns dashes and underscores into spaces', () => {
    expect(titleFromStem('astana-22_turkey--syria')).toBe('astana 22 turkey syria');
  });
});
