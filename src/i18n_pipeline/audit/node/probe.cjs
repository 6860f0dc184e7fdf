/**
 * The browser probe: loads each page in Chromium (puppeteer) and reports what
 * pa11y cannot: every request the page made (and whether it left 127.0.0.1),
 * and axe's WCAG 2.2 findings, which pa11y's axe runner does not ask for.
 * Requests to other hosts are recorded and aborted, never sent.
 *
 * Usage: node probe.cjs <config.json>; prints one JSON document on stdout.
 */
'use strict';

const fs = require('fs');
const puppeteer = require('puppeteer');
const axePath = require.resolve('axe-core/axe.min.js');

function originOf(address) {
	try {
		return new URL(address).origin;
	} catch {
		return '';
	}
}

async function probePage(browser, url, localOrigin, tags, timeout) {
	const page = await browser.newPage();
	// The pages forbid every script (Content-Security-Policy script-src 'none'); axe is the
	// audit's own script, injected by the tool, so the policy is bypassed for it alone.
	await page.setBypassCSP(true);
	const requests = [];
	try {
		await page.setRequestInterception(true);
		page.on('request', request => {
			const requestUrl = request.url();
			const local = originOf(requestUrl) === localOrigin || requestUrl.startsWith('data:') ||
				requestUrl.startsWith('about:');
			requests.push({url: requestUrl, type: request.resourceType(), local});
			if (local) {
				request.continue();
			} else {
				request.abort('blockedbyclient');
			}
		});
		await page.goto(url, {waitUntil: 'networkidle0', timeout});
		await page.addScriptTag({path: axePath});
		const result = await page.evaluate(async runOnly => {
			const outcome = await window.axe.run(document, {runOnly: {type: 'tag', values: runOnly}});
			const simplify = item => ({
				id: item.id, impact: item.impact, help: item.help, helpUrl: item.helpUrl, tags: item.tags,
				nodes: item.nodes.map(node => ({target: node.target.join(' '), html: node.html.slice(0, 300)}))
			});
			return {violations: outcome.violations.map(simplify), incomplete: outcome.incomplete.map(simplify)};
		}, tags);
		return {url, requests, ...result};
	} catch (error) {
		return {url, requests, failure: String(error && error.message || error)};
	} finally {
		await page.close().catch(() => {});
	}
}

async function main() {
	const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const browser = await puppeteer.launch({
		executablePath: config.executablePath,
		args: config.args,
		headless: true
	});
	const results = new Array(config.urls.length);
	let next = 0;
	async function worker() {
		while (next < config.urls.length) {
			const index = next++;
			results[index] = await probePage(
				browser, config.urls[index], config.localOrigin, config.tags, config.timeout);
		}
	}
	try {
		const workers = Math.max(1, Math.min(config.concurrency || 1, config.urls.length));
		await Promise.all(Array.from({length: workers}, worker));
	} finally {
		await browser.close();
	}
	process.stdout.write(JSON.stringify({results}));
}

main().catch(error => {
	process.stderr.write(`probe failed: ${error && error.stack || error}\n`);
	process.exit(1);
});
