// Renders BPMN diagrams for the README with bpmn-js (from node_modules) in headless Chromium: an SVG (bpmn-js's
// saveSVG, vector, what GitHub shows) and a PNG screenshot of the same drawing.
//
//   node e2e/render-diagram.mjs [--out docs/images] [bpmn/wg-meeting.bpmn ...]
//
// Defaults: bpmn/wg-meeting.bpmn into docs/images/ (wg-meeting.svg, wg-meeting.png). No server is needed.
//
//   node e2e/render-diagram.mjs --templates [bpmn/wg-meeting.bpmn ...]
//
// The templates in use instead (<name>-templates.png): every step labelled with the Camunda Modeler element template
// of .camunda/element-templates/ that it is built from (matched by its delegate expression or its form).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { launchBrowser } from './lib/tasklist.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');
const require = createRequire(import.meta.url);
const bpmnJs = (file) => require.resolve(`bpmn-js/dist/${file}`);

const args = process.argv.slice(2);
let out = join(ROOT, 'docs', 'images');
let templates = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') {
    out = resolve(args[++i]);
  } else if (args[i] === '--templates') {
    templates = templateNames();
  } else {
    files.push(resolve(args[i]));
  }
}
if (!files.length) {
  files.push(join(ROOT, 'bpmn', 'wg-meeting.bpmn'));
}
mkdirSync(out, { recursive: true });

/** «camunda:delegateExpression=${sendAgenda}» (or formRef) → the name of the template that sets it. */
function templateNames() {
  const dir = join(ROOT, '.camunda', 'element-templates');
  const names = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const template of JSON.parse(readFileSync(join(dir, file), 'utf8'))) {
      for (const p of template.properties ?? []) {
        if (p.binding?.type === 'property' && ['camunda:delegateExpression', 'camunda:formRef'].includes(p.binding.name)
          && p.value) {
          names[`${p.binding.name}=${p.value}`] = template.name;
        }
      }
    }
  }
  return names;
}

const MARGIN = 24;
const browser = await launchBrowser();
try {
  for (const file of files) {
    const name = basename(file, '.bpmn');
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8">
      <style>html, body { margin: 0; background: #fff; } #canvas { position: absolute; inset: 0; }</style>
      </head><body><div id="canvas"></div></body></html>`);
    for (const css of ['assets/diagram-js.css', 'assets/bpmn-js.css', 'assets/bpmn-font/css/bpmn.css']) {
      await page.addStyleTag({ path: bpmnJs(css) });
    }
    await page.addScriptTag({ path: bpmnJs('bpmn-viewer.production.min.js') });
    const xml = readFileSync(file, 'utf8');
    const box = await page.evaluate(async ({ xml, margin }) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error(`bpmn-js import warnings: ${warnings.map((w) => w.message).join('; ')}`);
      }
      window.viewer = viewer;
      const canvas = viewer.get('canvas');
      canvas.zoom(1);
      const inner = canvas.viewbox().inner;
      canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width: inner.width + 2 * margin, height: inner.height + 2 * margin });
      return { width: Math.ceil(inner.width + 2 * margin), height: Math.ceil(inner.height + 2 * margin) };
    }, { xml, margin: MARGIN });
    if (templates) {
      const labelled = await page.evaluate((names) => {
        const overlays = window.viewer.get('overlays');
        let n = 0;
        for (const element of window.viewer.get('elementRegistry').getAll()) {
          const attrs = element.businessObject?.$attrs ?? {};
          const name = ['camunda:delegateExpression', 'camunda:formRef']
            .map((attr) => names[`${attr}=${attrs[attr]}`]).find(Boolean);
          if (name && element.width) {
            const label = document.createElement('div');
            label.textContent = `⧉ ${name}`;
            label.style.cssText = 'font: 11px/1.2 sans-serif; background: #fff4c2; border: 1px solid #c9a400;'
              + ' border-radius: 3px; padding: 1px 4px; width: ' + (element.width + 40) + 'px; color: #5a4a00;';
            overlays.add(element, { position: { top: -6 - 28, left: -20 }, html: label });
            n++;
          }
        }
        return n;
      }, templates);
      await page.setViewportSize({ width: box.width, height: box.height + 40 });
      await page.evaluate(({ width, height, margin }) => {
        const canvas = window.viewer.get('canvas');
        const inner = canvas.viewbox().inner;
        canvas.viewbox({ x: inner.x - margin, y: inner.y - margin - 40, width, height: height + 40 });
      }, { ...box, margin: MARGIN });
      await page.screenshot({ path: join(out, `${name}-templates.png`), fullPage: false });
      await page.close();
      console.log(`${file} -> ${join(out, `${name}-templates.png`)} (${labelled} steps built from templates)`);
      continue;
    }
    const { svg } = await page.evaluate(() => window.viewer.saveSVG({ format: true }));
    writeFileSync(join(out, `${name}.svg`), svg);
    // the PNG: the same view at 100 %, the viewport as large as the drawing
    await page.setViewportSize({ width: box.width, height: box.height });
    await page.evaluate(({ width, height, margin }) => {
      const canvas = window.viewer.get('canvas');
      const inner = canvas.viewbox().inner;
      canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
    }, { ...box, margin: MARGIN });
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
    await page.close();
    console.log(`${file} -> ${join(out, `${name}.svg`)}, ${join(out, `${name}.png`)} (${box.width}×${box.height})`);
  }
} finally {
  await browser.close();
}
