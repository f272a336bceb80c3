// Types for layering.mjs.
export declare const NODE: string;
export interface Layer {
  area: string;
  holds: string;
  areas: string[];
  packages: string[];
  bridge?: boolean;
}
export declare const layers: Layer[];
export declare const testPackages: string[];
export declare function areaOf(path: string): Layer | undefined;
export declare function layeringProblem(fromFile: string, source: string): string | null;
export declare const layeringPlugin: unknown;
export declare function layeringMarkdown(): string;
