// Globals that exist in every host Tagwright runs in (browsers, Electron, Node >= 18) but that the shared
// layer's `lib: ES2022` does not declare. Only the members the shared code uses are declared here.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
