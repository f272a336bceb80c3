import { describe, it, expect } from 'vitest';
import { firstMarkdownHeading, titleFromStem } from './text-documents';

describe('firstMarkdownHeading', () => {
  it('finds the first ATX heading at any level', () => {
    expect(firstMarkdownHeading('intro\n\n## Astana talks\n# Later')).toBe('Astana talks');
  });

  it('drops closing hashes and surrounding spaces', () => {
    expect(firstMarkdownHeading('   #   Turkey and Syria   ##  \n')).toBe('Turkey and Syria');
  });

  it('ignores hashtags, empty headings and headings inside code fences', () => {
    expect(firstMarkdownHeading('#hashtag\n#\n```\n# not a title\n```\n~~~\n# nor this\n~~~\n# Real')).toBe(
      'Real',
    );
  });

  it('returns null when there is no heading', () => {
    expect(firstMarkdownHeading('plain\ntext')).toBeNull();
  });
});

describe('titleFromStem', () => {
  it('turns dashes and underscores into spaces', () => {
    expect(titleFromStem('astana-22_turkey--syria')).toBe('astana 22 turkey syria');
  });
});
