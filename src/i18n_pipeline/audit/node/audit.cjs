/**
 * The audit's browser work, in ONE Chromium for all pages, ONE tab per page.
 *
 * Each page is loaded once, in a tab of the browser's default context (as pa11y-ci
 * does with useIncognitoBrowserContext false, pa11y-ci#354), and gets two passes:
 * - pa11y (axe + HTML_CodeSniffer), through its API with that tab (`page`): pa11y
 *   loads the page, runs its runners and leaves the tab open;
 * - the probe, in the same tab: every request the page made (each one leaving the
 *   local origin is aborted, never sent), and axe's WCAG 2.2 rules, which pa11y's
 *   axe runner does not ask for.
 * The tab ignores the page's Content-Security-Policy, so that every reference to
 * another host is requested (and aborted) even where the policy would block it.
 * A page therefore shows the audit what its policy would have blocked of its own
 * (an inline style, say); this project's output check keeps its pages free of
 * that. One load per page instead of two (a tab for pa11y and a tab for the probe,
 * each waiting for the network to settle) is most of the audit's wall time.
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

/** Records every request of a page once (by address) and lets only local ones through. */
function requestGate(config, requests) {
	const seen = new Set();
	return request => {
		const requestUrl = request.url();
		const local = originOf(requestUrl) === config.localOrigin ||
			requestUrl.startsWith('data:') || requestUrl.startsWith('about:');
		// axe fetches the page's stylesheets again to read them: the same address, not a new reference.
		if (!seen.has(requestUrl)) {
			seen.add(requestUrl);
			requests.push({url: requestUrl, type: request.resourceType(), local});
		}
		if (local) {
			request.continue();
		} else {
			request.abort('blockedbyclient');
		}
	};
}

async function pa11yPass(browser, page, url, config) {
	const options = {
		browser,
		page,
		standard: config.standard,
		runners: config.runners,
		includeWarnings: config.includeWarnings,
		includeNotices: config.includeNotices,
		ignore: config.ignore || [],
		hideElements: config.hideElements || undefined,
		timeout: config.timeout
	};
	// pa11y bounds the page load by `timeout`; the runners get as long again.
	const results = await within(pa11y(url, options), 2 * config.timeout, 'pa11y');
	return results.issues;
}

async function wcag22Pass(page, config) {
	// The audit's own script: evaluated by the browser's debugger, outside the page's policy.
	await page.evaluate(axeSource);
	return within(page.evaluate(async tags => {
		const outcome = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}});
		const simplify = item => ({
			id: item.id, impact: item.impact, help: item.help, helpUrl: item.helpUrl, tags: item.tags,
			nodes: item.nodes.map(node => ({target: node.target.join(' '), html: node.html.slice(0, 300)}))
		});
		return {violations: outcome.violations.map(simplify), incomplete: outcome.incomplete.map(simplify)};
	}, config.wcag22Tags), config.timeout, 'axe (WCAG 2.2)');
}

/** Both passes over one page in one tab: {pa11y: issues | [{message}], probe: result}. */
async function auditPage(browser, url, config) {
	const requests = [];
	let page;
	try {
		page = await browser.newPage();
		await page.setBypassCSP(true);
		await page.setRequestInterception(true);
		const gate = requestGate(config, requests);
		page.on('request', gate);
		let issues;
		try {
			issues = await pa11yPass(browser, page, url, config);
		} catch (error) {
			const failure = message(error);
			return {pa11y: [{message: failure}], probe: {url, requests, failure: `pa11y could not audit the page: ${failure}`}};
		}
		// pa11y's clean-up removes every 'request' listener of the tab, ours too;
		// without one, an intercepted request would wait for ever.
		page.off('request', gate);
		page.on('request', gate);
		try {
			return {pa11y: issues, probe: {url, requests, ...await wcag22Pass(page, config)}};
		} catch (error) {
			return {pa11y: issues, probe: {url, requests, failure: message(error)}};
		}
	} catch (error) {
		const failure = message(error);
		return {pa11y: [{message: failure}], probe: {url, requests, failure}};
	} finally {
		if (page) {
			await page.close().catch(() => {});
		}
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
			const result = await auditPage(browser, url, config);
			pa11yResults[url] = result.pa11y;
			probeResults[index] = result.probe;
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
