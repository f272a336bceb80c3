// What a run of the suggester tells the analyst: how many suggestions in how many documents, and by name the
// documents it could not help with (a script the model does not cover, or skipped with the reason).
import { describe, expect, it } from 'vitest';
import { describeRun } from './machine-suggestion-commands';

describe('the sentence after suggesting', () => {
  it('counts suggestions and documents', () => {
    expect(describeRun({ documents: 1, suggestions: 1, unsupported: [], skipped: [] })).toBe(
      '1 suggestion in 1 document.',
    );
  });

  it('names the documents in another script and the skipped ones with their reasons', () => {
    const said = describeRun({
      documents: 3,
      suggestions: 12,
      unsupported: ['Amman border'],
      skipped: [{ title: 'Long report', reason: 'the work took longer than 60 s and was stopped' }],
    });
    expect(said).toBe(
      '12 suggestions in 3 documents; none for Amman border (not in a script the English model covers); ' +
        'skipped Long report (the work took longer than 60 s and was stopped).',
    );
  });
});
