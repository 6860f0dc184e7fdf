/**
 * Contrast as a browser renders it: each page in the light and the dark colour scheme
 * (prefers-color-scheme emulated by Chromium), judged by axe-core's contrast rules.
 *
 * Usage: node contrast.cjs <config.json>, run in the audit's Node environment (its
 * working directory), whose puppeteer and axe-core it uses. Prints one JSON document:
 * per scheme and page, the page's background colour (proof that the scheme applied)
 * and axe's violations.
 */
'use strict';

const fs = require('fs');
const here = {paths: [process.cwd()]};
const puppeteer = require(require.resolve('puppeteer', here));
const axePath = require.resolve('axe-core/axe.min.js', here);

async function judge(browser, url, scheme) {
	const page = await browser.newPage();
	try {
		await page.setBypassCSP(true); // the pages forbid scripts; axe is the test's own
		await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
		await page.goto(url, {waitUntil: 'load'});
		await page.addScriptTag({path: axePath});
		return await page.evaluate(async () => {
			const outcome = await window.axe.run(document, {
				runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}
			});
			return {
				background: getComputedStyle(document.documentElement).backgroundColor,
				checked: outcome.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
				violations: outcome.violations.map(rule => ({
					id: rule.id,
					nodes: rule.nodes.map(node => node.target.join(' ') + ': ' + node.failureSummary)
				}))
			};
		});
	} finally {
		await page.close();
	}
}

async function main() {
	const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const browser = await puppeteer.launch({
		executablePath: config.executablePath, args: config.args, headless: true
	});
	const results = {};
	try {
		for (const scheme of ['light', 'dark']) {
			results[scheme] = {};
			for (const url of config.urls) {
				results[scheme][url] = await judge(browser, url, scheme);
			}
		}
	} finally {
		await browser.close();
	}
	process.stdout.write(JSON.stringify(results));
}

main().catch(error => {
	process.stderr.write(String(error && error.stack || error) + '\n');
	process.exit(1);
});
