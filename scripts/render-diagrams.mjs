// Renders the models in processes/ to pictures in docs/images/ for docs/processes.md:
// each BPMN process to an SVG (bpmn-js viewer, saveSVG) and each DMN decision table to a PNG
// (dmn-js viewer, screenshot of the table). Run with `npm run diagrams`.
//
// Needs a Chromium on the machine (Debian: `apt-get install -y chromium`); nothing is downloaded.
// Set CHROMIUM=/path/to/chromium to use another one. Not run by CI.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const processes = join(root, 'processes');
const images = join(root, 'docs', 'images');
const asset = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'
  ]
});

mkdirSync(images, { recursive: true });
const written = [];

try {
  const files = readdirSync(processes).sort();

  for (const file of files.filter(f => extname(f) === '.bpmn')) {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:1200px"></div></body></html>');
    await page.addScriptTag({ path: asset('bpmn-js', 'dist/bpmn-viewer.production.min.js') });
    const result = await page.evaluate(async (xml) => {
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      const { svg } = await viewer.saveSVG();
      return { svg, warnings: warnings.map(w => w.message) };
    }, readFileSync(join(processes, file), 'utf8'));
    if (result.warnings.length) {
      throw new Error(`${file}: import warnings:\n  ${result.warnings.join('\n  ')}`);
    }
    const out = join(images, basename(file, '.bpmn') + '.svg');
    writeFileSync(out, result.svg + '\n');
    written.push(out);
    await page.close();
  }

  for (const file of files.filter(f => extname(f) === '.dmn')) {
    const page = await browser.newPage({ viewport: { width: 1800, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent('<!doctype html><html><body style="margin:0;background:#fff;font-family:Arial,sans-serif"><div id="table" style="display:inline-block;padding:16px"></div></body></html>');
    for (const css of ['dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-font/css/dmn-embedded.css']) {
      await page.addStyleTag({ path: asset('dmn-js', `dist/assets/${css}`) });
    }
    // Room below the table for the bpmn.io logo, which the viewer keeps at its bottom right.
    await page.addStyleTag({ content: '.tjs-container { padding-bottom: 40px; }' });
    await page.addScriptTag({ path: asset('dmn-js', 'dist/dmn-viewer.production.min.js') });
    const tables = await page.evaluate(async (xml) => {
      const viewer = window.viewer = new DmnJS({ container: '#table' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error('import warnings: ' + warnings.map(w => w.message).join('; '));
      }
      return viewer.getViews().filter(v => v.type === 'decisionTable').map(v => v.element.id);
    }, readFileSync(join(processes, file), 'utf8'));
    // One picture per decision table: <file>.png, or <file>-<decision id>.png when a file has several.
    for (const id of tables) {
      await page.evaluate(async (id) => {
        const viewer = window.viewer;
        await viewer.open(viewer.getViews().find(v => v.element.id === id));
      }, id);
      const name = basename(file, '.dmn') + (tables.length > 1 ? `-${id}` : '');
      const out = join(images, name + '.png');
      await page.locator('#table').screenshot({ path: out });
      written.push(out);
    }
    await page.close();
  }
} finally {
  await browser.close();
}

for (const out of written) {
  console.log('wrote', out.substring(root.length + 1));
}
