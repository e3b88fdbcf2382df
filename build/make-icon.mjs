// Renders assets/icons/icon.svg to assets/icons/icon.png (512×512) with the system Chromium.
// Run by hand after editing the SVG: node build/make-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/chromium.mjs';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const svg = readFileSync(join(icons, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: join(icons, 'icon.png'), omitBackground: true });
await browser.close();
console.log('wrote assets/icons/icon.png');
