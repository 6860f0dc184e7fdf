/**
 * The audit's browser work, in ONE Chromium for all pages.
 *
 * Each page gets two passes in that browser, one after the other:
 * - pa11y (axe + HTML_CodeSniffer), called through its API exactly as pa11y-ci
 *   calls it with useIncognitoBrowserContext false (pa11y-ci#354): pa11y opens a
 *   tab in the browser's default context, loads the page under its own
 *   Content-Security-Policy, runs the runners and closes the tab;
 * - the probe: a tab that ignores the page's Content-Security-Policy, so that
 *   every reference to another host is seen even where the policy would block it,
 *   records every request (each one leaving the local origin is aborted, never
 *   sent), and runs axe's WCAG 2.2 rules, which pa11y's axe runner does not ask for.
 * `concurrency` pages are in flight at once. A page a pass fails on gets that
 * pass's message instead of results: a failure, never a pass.
 *
 * Usage: node audit.cjs <config.json>; prints one JSON document on stdout:
 * {browserStarts, pa11y: {results: {url: issues | [{message}]}}, probe: {results: [...]}}
 */
'use strict';

const fs = require('fs');
const pa11y = require('pa11y');
// The puppeteer pa11y itself uses, whatever else the lock file holds.
const puppeteer = require(require.resolve('puppeteer', {paths: [require.resolve('pa11y')]}));
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function message(error) {
	return String((error && error.message) || error);
}

function originOf(address) {
	try {
		return new URL(address).origin;
	} catch {
		return '';
	}
}

/** Reject with a clear message when `promise` takes longer than `timeout` ms. */
function within(promise, timeout, what) {
	let timer;
	const limit = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeout} ms`)), timeout);
	});
	return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function pa11yPass(browser, url, config) {
	const options = {
		browser,
		standard: config.standard,
		runners: config.runners,
		includeWarnings: config.includeWarnings,
		includeNotices: config.includeNotices,
		timeout: config.timeout
	};
	try {
		// pa11y bounds the page load by `timeout`; the runners get as long again.
		const results = await within(pa11y(url, options), 2 * config.timeout, 'pa11y');
		return results.issues;
	} catch (error) {
		return [{message: message(error)}];
	}
}

async function probePass(browser, url, config) {
	const page = await browser.newPage();
	const requests = [];
	try {
		await page.setBypassCSP(true);
		await page.setRequestInterception(true);
		page.on('request', request => {
			const requestUrl = request.url();
			const local = originOf(requestUrl) === config.localOrigin ||
				requestUrl.startsWith('data:') || requestUrl.startsWith('about:');
			requests.push({url: requestUrl, type: request.resourceType(), local});
			if (local) {
				request.continue();
			} else {
				request.abort('blockedbyclient');
			}
		});
		await page.goto(url, {waitUntil: 'networkidle0', timeout: config.timeout});
		// The audit's own script: evaluated by the browser's debugger, outside the page's policy.
		await page.evaluate(axeSource);
		const result = await within(page.evaluate(async tags => {
			const outcome = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}});
			const simplify = item => ({
				id: item.id, impact: item.impact, help: item.help, helpUrl: item.helpUrl, tags: item.tags,
				nodes: item.nodes.map(node => ({target: node.target.join(' '), html: node.html.slice(0, 300)}))
			});
			return {violations: outcome.violations.map(simplify), incomplete: outcome.incomplete.map(simplify)};
		}, config.wcag22Tags), config.timeout, 'axe (WCAG 2.2)');
		return {url, requests, ...result};
	} catch (error) {
		return {url, requests, failure: message(error)};
	} finally {
		await page.close().catch(() => {});
	}
}

async function launch(config, starts) {
	starts.count += 1;
	return puppeteer.launch({executablePath: config.executablePath, args: config.args, headless: true});
}

async function main() {
	const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const starts = {count: 0};
	let browser;
	// Like pa11y-ci (#128): a browser that fails to start is given one more try.
	try {
		browser = await launch(config, starts);
	} catch {
		browser = await launch(config, starts);
	}
	const pa11yResults = {};
	const probeResults = new Array(config.urls.length);
	let next = 0;
	async function worker() {
		while (next < config.urls.length) {
			const index = next++;
			const url = config.urls[index];
			pa11yResults[url] = await pa11yPass(browser, url, config);
			probeResults[index] = await probePass(browser, url, config).catch(
				error => ({url, requests: [], failure: message(error)}));
		}
	}
	try {
		const workers = Math.max(1, Math.min(config.concurrency || 1, config.urls.length));
		await Promise.all(Array.from({length: workers}, worker));
	} finally {
		await browser.close().catch(() => {});
	}
	process.stdout.write(JSON.stringify({
		browserStarts: starts.count,
		pa11y: {results: pa11yResults},
		probe: {results: probeResults}
	}));
}

main().catch(error => {
	process.stderr.write(`the audit runner failed: ${(error && error.stack) || error}\n`);
	process.exit(1);
});
