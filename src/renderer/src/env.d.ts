// Ambient declarations for the renderer build (src/renderer): Vite bundles imported CSS files.
declare module '*.css';
