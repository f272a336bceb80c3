// Test support (shared layer, tests only): the round-trip property every codec that holds the data must pass
// (parse(serialize(bundle)) holds the same spans, relations, notes and attributes), and helpers to feed a
// codec's output files back into its parser or to read its failure.
import fc from 'fast-check';
import { expect } from 'vitest';
import type {
  AnnotationCodec,
  ExportBundle,
  InputFile,
  OutputFile,
  ParsedPackage,
  ParseOutcome,
} from '../bundle';
import { bundleArbitrary, heldByBundle, heldByPackage, type Held } from './bundles';

export function asInputs(files: readonly OutputFile[]): InputFile[] {
  return files.map((file) => ({ name: file.path, text: file.content, hadBom: false }));
}

export function parsedOrThrow(outcome: ParseOutcome): ParsedPackage {
  if (!outcome.ok)
    throw new Error(
      `${outcome.file}${outcome.line === undefined ? '' : `:${outcome.line}`}: ${outcome.message}`,
    );
  return outcome.value;
}

export function roundTrip(codec: AnnotationCodec, bundle: ExportBundle): ParsedPackage {
  return parsedOrThrow(codec.parse(asInputs(codec.serialize(bundle).files)));
}

/** Runs the round-trip property over arbitrary bundles; `extra` checks more of each pair. */
export function assertRoundTrip(
  codec: AnnotationCodec,
  held: Held,
  extra?: (bundle: ExportBundle, pkg: ParsedPackage) => void,
): void {
  fc.assert(
    fc.property(bundleArbitrary(), (bundle) => {
      const pkg = roundTrip(codec, bundle);
      expect(heldByPackage(pkg, held)).toEqual(heldByBundle(bundle, held));
      extra?.(bundle, pkg);
    }),
  );
}

/** The message of a failed parse (fails the test when the parse succeeded). */
export function failureOf(outcome: ParseOutcome): { file: string; line?: number; message: string } {
  if (outcome.ok) throw new Error('expected the parse to fail');
  return outcome;
}
