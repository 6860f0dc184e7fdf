/**
 * The audit's browser work, in ONE Chromium for all pages, ONE tab per page.
 *
 * Each page is loaded once, in a tab of the browser's default context (as pa11y-ci
 * does with useIncognitoBrowserContext false, pa11y-ci#354), and gets ONE axe run:
 * - pa11y (axe + HTML_CodeSniffer), through its API with that tab (`page`). Its axe
 *   runner asks axe for WCAG 2.0 and 2.1 A and AA (and best practice) by tag; in the
 *   tab, that axe run asks for WCAG 2.2's A and AA tags as well (`askAxeFor`), so that
 *   one axe run covers WCAG 2.0 to 2.2;
 * - while pa11y loads the page, every request it makes is recorded (each one leaving
 *   the local origin is aborted, never sent);
 * - then, in the same tab, the text spacing that style attributes fix with !important
 *   (text_spacing.cjs: WCAG 1.4.12 as three ACT rules define it).
 * The tab ignores the page's Content-Security-Policy, so that every reference to
 * another host is requested (and aborted) even where the policy would block it.
 * A page therefore shows the audit what its policy would have blocked of its own
 * (an inline style, say); this project's output check keeps its pages free of
 * that. One load and one axe run per page is most of what a browser audit costs;
 * nothing pa11y would throw away is carried out of the page (`keepOnlyFindings`).
 * `concurrency` pages are in flight at once. A page pa11y fails on gets its
 * message instead of results: a failure, never a pass.
 *
 * Usage: node audit.cjs <config.json>; prints one JSON document on stdout:
 * {browserStarts, pa11y: {results: {url: issues | [{message}]}},
 *  probe: {results: [{url, requests, axeRuns, spacing}]}}
 */
'use strict';

const fs = require('fs');
const pa11y = require('pa11y');
const {textSpacing} = require('./text_spacing.cjs');
// The puppeteer pa11y itself uses, whatever else the lock file holds.
const puppeteer = require(require.resolve('puppeteer', {paths: [require.resolve('pa11y')]}));

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

/**
 * Runs in the tab before the page's own scripts: the axe that pa11y injects later is
 * asked for `extraTags` beside the tags pa11y's axe runner names. pa11y's own way to
 * add rules (its `rules` option) is handed to HTML_CodeSniffer too, which refuses an
 * axe rule. axe.min.js sets window.axe before it defines axe.run, so run is wrapped
 * when pa11y first reads window.axe.
 *
 * pa11y's axe runner reads only axe's violations and incomplete results, so axe is
 * asked to detail only those (`resultTypes`, axe-core's option for large pages): the
 * rules and the nodes they test are the same, the passing nodes are not described.
 */
function askAxeFor(extraTags) {
	let axe;
	Object.defineProperty(window, 'axe', {
		configurable: true,
		set(value) {
			axe = value;
		},
		get() {
			if (axe && typeof axe.run === 'function' && !axe.run.widened) {
				const run = axe.run;
				axe.run = function (context, options, ...rest) {
					window.auditAxeRuns = (window.auditAxeRuns || 0) + 1;  // counted for the tests
					const only = options && options.runOnly;
					if (only && ['tag', 'tags'].includes(only.type)) {
						const values = [...only.values, ...extraTags.filter(tag => !only.values.includes(tag))];
						options = {...options, runOnly: {...only, values}};
					}
					options = {...options, resultTypes: ['violations', 'incomplete']};
					return run.call(this, context, options, ...rest);
				};
				axe.run.widened = true;
			}
			return axe;
		}
	});
}

/**
 * Runs in the tab before pa11y injects HTML_CodeSniffer: its notices ("check that …",
 * one per element of a kind) are reminders for a person, which the audit drops when
 * it reads the report (pa11y.py, `read_report`). They are dropped here instead, before
 * pa11y works out a selector and an HTML excerpt for each of them (thousands on a
 * long page) and sends them out of the tab. axe's notices (its "minor" violations)
 * are findings and stay. HTMLCS.js assigns `window.HTMLCS` once, so the object is
 * taken as it is set.
 */
function keepOnlyFindings() {
	const NOTICE = 3;  // HTMLCS.NOTICE
	let htmlcs;
	Object.defineProperty(window, 'HTMLCS', {
		configurable: true,
		set(value) {
			if (value && typeof value.getMessages === 'function') {
				const getMessages = value.getMessages;
				value.getMessages = function () {
					return getMessages.call(this).filter(found => found.type !== NOTICE);
				};
			}
			htmlcs = value;
		},
		get() {
			return htmlcs;
		}
	});
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

/** One page in one tab: {pa11y: issues | [{message}], probe: {url, requests, axeRuns, spacing} | {url, requests, failure}}. */
async function auditPage(browser, url, config) {
	const requests = [];
	let page;
	try {
		page = await browser.newPage();
		await page.setBypassCSP(true);
		await page.setRequestInterception(true);
		await page.evaluateOnNewDocument(askAxeFor, config.wcag22Tags);
		await page.evaluateOnNewDocument(keepOnlyFindings);
		page.on('request', requestGate(config, requests));
		try {
			const issues = await pa11yPass(browser, page, url, config);
			const axeRuns = await page.evaluate(() => window.auditAxeRuns || 0).catch(() => null);
			// If the spacing check fails, pa11y's findings stand and the page has no verdict
			// on its spacing (a probe failure).
			const spacing = await page.evaluate(textSpacing).then(
				found => ({spacing: found}),
				error => ({failure: `the text spacing check failed: ${message(error)}`})
			);
			return {pa11y: issues, probe: {url, requests, axeRuns, ...spacing}};
		} catch (error) {
			const failure = message(error);
			return {pa11y: [{message: failure}], probe: {url, requests, failure: `pa11y could not audit the page: ${failure}`}};
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
