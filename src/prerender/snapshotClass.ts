/**
 * The class the build puts on `<body>` with the prerendered snapshot (scripts/lib/vitePrerender.ts),
 * removed with it (snapshot.ts when it drops it, takeover.ts when the app takes over): app.css
 * hides the boot placeholder behind it. It stands for `body:has(#prerender)`, which made every
 * DOM change anywhere on the page search the whole body for #prerender at the next style
 * update (~1.5 ms a frame on ResNet-18's page).
 */
export const SNAPSHOT_CLASS = 'snapshot-shown';
