// Types for electron-binary.mjs.
export declare function findElectronBinary(): { path: string } | { path: null; reason: string };
