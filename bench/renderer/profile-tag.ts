// Where a tag's main-thread time goes (bench/, a tool, not a suite): opens the 1 MB / 50,000-span article in
// Tagwright, tags and undoes a few word pairs as the renderer bench does, and records a CPU profile of the
// last tags with CDP's Profiler; prints the functions with the most self and total time. Build without
// minifying for names: `TAGWRIGHT_DEBUG_BUILD=1 npx electron-vite build`, then
// `node --env-file=bench/tsx.env --import tsx bench/renderer/profile-tag.ts [scale index, default 3]`.
import { writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { FULL_SCALES, taggedArticle, tagTargets } from '../lib/scales';
import { addSpanOps, base64 } from '../lib/workbench';
import { CHROMIUM, CHROMIUM_ARGS, startBenchHost } from './host';
import { openAndWait } from './page-probes';
import { prefixOf } from './scale-figures';
import { selectInParagraph } from './page-probes';
import { waitSaved } from './tagging';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total milliseconds per function (name and place), from the profile's samples. */
function summarizeProfile(profile: Profile): { self: Map<string, number>; total: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode): string => {
    const file = n.callFrame.url.split('/').pop() ?? '';
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    self.set(name(node), (self.get(name(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  return { self, total };
}

const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);

async function main(): Promise<void> {
  const scale = FULL_SCALES[Number(process.argv[2] ?? 3) - 1]!;
  const host = await startBenchHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const layer = (await host.call('workspace:get', {})).localAnnotator;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx (esbuild keepNames) wraps named inner functions in __name(); the probes run in the page without it.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(host.url);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dana');
    await page.getByRole('button', { name: 'Start tagging' }).click();
    const { text, spans } = taggedArticle(scale);
    const report = await host.call('documents:import', {
      files: [{ name: 'profiled.txt', dataBase64: base64(text) }],
    });
    const docId = report.imported[0]!.id;
    const annotator = layer?.id ?? (await host.call('workspace:get', {})).localAnnotator!.id;
    for (let at = 0; at < spans.length; at += 5000)
      await host.call('annotations:apply', {
        docId,
        layer: annotator,
        ops: addSpanOps(spans.slice(at, at + 5000)),
      });
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Documents' })
      .getByRole('button', { name: /profiled/ })
      .waitFor();
    await page.evaluate(openAndWait, { title: 'profiled', prefix: prefixOf(text), withSpans: true });
    const targets = tagTargets(text, spans, 8);
    const tagAndUndo = async (target: (typeof targets)[number]): Promise<void> => {
      await page.evaluate(selectInParagraph, target);
      await page.waitForTimeout(50);
      await page.keyboard.press('1');
      await page.waitForTimeout(200);
      await waitSaved(page);
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(200);
      await waitSaved(page);
    };
    for (const target of targets.slice(0, 3)) await tagAndUndo(target);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    for (const target of targets.slice(3)) await tagAndUndo(target);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await writeFile('/tmp/tag-profile.cpuprofile', JSON.stringify(profile));
    const { self, total } = summarizeProfile(profile);
    console.log(`${targets.length - 3} tags and undos at ${scale.name}\n-- self`);
    console.log(top(self, 40).join('\n'));
    console.log('-- total');
    console.log(top(total, 60).join('\n'));
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
