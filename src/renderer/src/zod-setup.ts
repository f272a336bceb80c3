// Zod settings for the renderer (src/renderer), imported first by main.tsx: jitless, so zod neither compiles
// parsers with `new Function` nor probes whether it may. The CSP has no 'unsafe-eval', and each probe was
// reported as a violation (twice per page load). Must run before any schema is built: zod reads it then.
import { z } from 'zod';

z.config({ jitless: true });
