/**
 * The audit's browser work, in ONE Chromium for all pages, ONE tab per page in flight.
 *
 * Each page is loaded once, in a tab of the browser's default context (as pa11y-ci
 * does with useIncognitoBrowserContext false, pa11y-ci#354), and gets ONE axe run:
 * - pa11y (axe + HTML_CodeSniffer), through its API with that tab (`page`). Its axe
 *   runner asks axe for WCAG 2.0 and 2.1 A and AA (and best practice) by tag; in the
 *   tab, that axe run asks for WCAG 2.2's A and AA tags as well (`askAxeFor`), so that
 *   one axe run covers WCAG 2.0 to 2.2;
 * - the tab loads the page (`load`): to its load event, and to a quiet network only
 *   where something could still change it (`mayChangeAfterLoad`); pa11y is then
 *   given the loaded tab (`ignoreUrl`);
 * - every request the page makes, until its tab has left it, is recorded (each one
 *   leaving the local origin is aborted, never sent);
 * - then, in the same tab, the text spacing that style attributes fix with !important
 *   (text_spacing.cjs: WCAG 1.4.12 as three ACT rules define it).
 * The tab ignores the page's Content-Security-Policy, so that every reference to
 * another host is requested (and aborted) even where the policy would block it.
 * A page therefore shows the audit what its policy would have blocked of its own
 * (an inline style, say); this project's output check keeps its pages free of
 * that. One load and one axe run per page is most of what a browser audit costs;
 * nothing pa11y would throw away is carried out of the page (`keepOnlyFindings`).
 * `concurrency` pages are in flight at once, each in a tab of its own; a tab that is
 * done with a page goes on to the next (`openTab`, `leave`). A page pa11y fails on
 * gets its message instead of results: a failure, never a pass; its tab is closed,
 * and the next page gets a new one.
 *
 * Usage: node audit.cjs <config.json>, or node audit.cjs - <launch.json> with the rest of
 * the configuration on stdin (`readConfig`); prints one JSON document on stdout:
 * {browserStarts, pa11y: {results: {url: issues | [{message}]}},
 *  probe: {results: [{url, requests, settled, axeRuns, spacing}]}}
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

/**
 * Records every request of a page once (by address) and lets only local ones through;
 * `open` holds the requests not yet finished or failed.
 */
function requestGate(config, requests, open) {
	const seen = new Set();
	return request => {
		open.add(request);
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

/**
 * Whether the loaded page could still change without a reader doing anything: it has
 * a script or an event handler attribute (`onload`, `onerror`, ...), a frame, an object
 * or an embed (they hold documents of their own), a refresh, a hint that asks for a
 * fetch after the load (prefetch, prerender), an SVG animation element, a CSS
 * animation or transition still running (a fade-in changes the contrast the runners
 * measure), or a font still loading (it changes the text's size). The test leans
 * towards yes: a page it cannot read is treated as one that could change.
 */
async function mayChangeAfterLoad(page) {
	return page.evaluate(() => {
		const hosts = 'script, iframe, frame, object, embed, meta[http-equiv="refresh" i], ' +
			'link[rel~="prefetch" i], link[rel~="prerender" i], animate, animateMotion, ' +
			'animateTransform, set';
		const handlers = document.evaluate(
			'count(//@*[starts-with(name(), "on")])', document, null, XPathResult.NUMBER_TYPE, null
		).numberValue;
		const moving = document.getAnimations().some(
			animation => animation.playState === 'running' || animation.pending
		);
		return document.querySelector(hosts) !== null || handlers > 0 || moving ||
			document.fonts.status !== 'loaded';
	}).catch(() => true);
}

/**
 * Loads `url` in the tab, as far as an audit needs; returns how far: 'load' or
 * 'network idle'.
 *
 * pa11y loads a page until the network is quiet (puppeteer's networkidle2: at most two
 * open requests for 500 ms), because a page's scripts may fetch and draw after its load
 * event. A page with nothing that could change it (`mayChangeAfterLoad`) and no
 * request still open at its load event is done at that event: it shows the runners
 * what it would show them 500 ms later, and the wait would only keep its tab open.
 * Any other page waits for the quiet network as pa11y's does. Both steps together are
 * bounded by `timeout` ms.
 */
async function load(page, url, timeout, open) {
	const started = Date.now();
	await page.goto(url, {waitUntil: 'load', timeout});
	if (open.size === 0 && !(await mayChangeAfterLoad(page))) {
		return 'load';
	}
	const left = Math.max(1, timeout - (Date.now() - started));
	await page.waitForNetworkIdle({idleTime: 500, concurrency: 2, timeout: left});
	return 'network idle';
}

async function pa11yPass(browser, page, url, config) {
	const options = {
		browser,
		page,
		ignoreUrl: true,  // the tab has loaded the page (`load`)
		standard: config.standard,
		runners: config.runners,
		includeWarnings: config.includeWarnings,
		includeNotices: config.includeNotices,
		ignore: config.ignore || [],
		hideElements: config.hideElements || undefined,
		timeout: config.timeout
	};
	// The page's load had `timeout`; pa11y's runners get as long again.
	const results = await within(pa11y(url, options), config.timeout, 'pa11y');
	return results.issues;
}

/**
 * A tab set up for the audit, which audits one page after another: opening and closing
 * a tab per page cost the browser more CPU time than keeping it (the benchmark's
 * results). What a page shows the runners does not depend on the tab having shown
 * another before it (a new document each time, the same browser context either way,
 * and no back/forward cache: `LAUNCH_ARGS`).
 */
async function openTab(browser, config) {
	const page = await browser.newPage();
	keepListeners(page);
	try {
		await page.setBypassCSP(true);
		await page.setRequestInterception(true);
		await page.evaluateOnNewDocument(askAxeFor, config.wcag22Tags);
		await page.evaluateOnNewDocument(keepOnlyFindings);
		// pa11y sets these before its own load; it sets them again, to the same values.
		await page.setViewport(pa11y.defaults.viewport);
		await page.setUserAgent(pa11y.defaults.userAgent);
	} catch (error) {
		await page.close().catch(() => {});
		throw error;
	}
	return page;
}

/**
 * pa11y's cleanup calls `page.off('request', undefined)` when it set no handler of its
 * own (pa11y 9, `stateCleanup`), and puppeteer's `off` without a handler removes every
 * handler of the event: the probe's record, and puppeteer's own count of open requests,
 * which `waitForNetworkIdle` reads for every later page of the tab. The tab ignores a
 * call that names no handler; one that names its handler removes it, as before.
 */
function keepListeners(page) {
	const off = page.off.bind(page);
	page.off = (type, handler) => (handler === undefined ? page : off(type, handler));
}

/**
 * The tab leaves the page for an empty document: whatever the page requests as it goes
 * (an unload handler, a timer that fires first) is still recorded as its own. False if
 * the tab could not (it is closed then).
 */
async function leave(page, timeout) {
	try {
		await page.goto('about:blank', {waitUntil: 'load', timeout});
		return true;
	} catch {
		return false;
	}
}

/** One page in `page`, a tab from `openTab`: {pa11y: issues | [{message}], probe: {url, requests, settled, axeRuns, spacing} | {url, requests, failure}, usable}; `usable` says whether the tab can take the next page. */
async function auditPage(page, url, config) {
	const requests = [];
	const open = new Set();
	const gate = requestGate(config, requests, open);
	const done = request => open.delete(request);
	page.on('request', gate);
	page.on('requestfinished', done);
	page.on('requestfailed', done);
	let usable = false;
	try {
		const settled = await load(page, url, config.timeout, open);
		const issues = await pa11yPass(page.browser(), page, url, config);
		const axeRuns = await page.evaluate(() => window.auditAxeRuns || 0).catch(() => null);
		// If the spacing check fails, pa11y's findings stand and the page has no verdict
		// on its spacing (a probe failure).
		const spacing = await page.evaluate(textSpacing).then(
			found => ({spacing: found}),
			error => ({failure: `the text spacing check failed: ${message(error)}`})
		);
		// A page done at its load event has nothing that could make a request as it goes
		// (`mayChangeAfterLoad`): the next page's load leaves it. Any other page is left
		// for an empty document first, so that what it asks for as it goes is its own.
		usable = settled === 'load' || await leave(page, config.timeout);
		return {pa11y: issues, probe: {url, requests, settled, axeRuns, ...spacing}, usable};
	} catch (error) {
		// A page that failed may still be loading, or pa11y may still run in it: its tab is
		// not used again.
		const failure = message(error);
		return {pa11y: [{message: failure}], probe: {url, requests, failure: `the page could not be audited: ${failure}`}, usable};
	} finally {
		page.off('request', gate);
		page.off('requestfinished', done);
		page.off('requestfailed', done);
	}
}

async function launch(config, starts) {
	starts.count += 1;
	return puppeteer.launch({executablePath: config.executablePath, args: config.args, headless: true});
}

/** Everything read from stdin until it is closed. */
function readStdin() {
	return new Promise((resolve, reject) => {
		const chunks = [];
		process.stdin.on('data', chunk => chunks.push(chunk));
		process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		process.stdin.on('error', reject);
	});
}

/**
 * The configuration: the file named on the command line, or, with `-`, its launch part
 * (`executablePath`, `args`, and the `wcag22Tags` a tab is set up with) as that file and
 * the rest, the pages, on stdin. Started that way, the browser starts while the caller
 * still builds the pages; stdin closed without pages is a run of none.
 */
function readConfig(argument) {
	const config = JSON.parse(fs.readFileSync(argument === '-' ? process.argv[3] : argument, 'utf8'));
	if (argument !== '-') {
		return {config, pages: Promise.resolve(config)};
	}
	const pages = readStdin().then(text => (text.trim() ? {...config, ...JSON.parse(text)} : {...config, urls: []}));
	return {config, pages};
}

async function main() {
	const {config: launchConfig, pages} = readConfig(process.argv[2]);
	const starts = {count: 0};
	let browser;
	// Like pa11y-ci (#128): a browser that fails to start is given one more try.
	try {
		browser = await launch(launchConfig, starts);
	} catch {
		browser = await launch(launchConfig, starts);
	}
	// Started ahead of its pages, the runner opens their first tab while it waits.
	let spare = process.argv[2] === '-' ? openTab(browser, launchConfig).catch(() => null) : null;
	const config = await pages;
	const pa11yResults = {};
	const probeResults = new Array(config.urls.length);
	let next = 0;
	function takeSpare() {
		const tab = spare;
		spare = null;
		return tab;
	}
	async function worker() {
		let page = null;
		try {
			while (next < config.urls.length) {
				const index = next++;
				const url = config.urls[index];
				let result;
				try {
					page = page || await takeSpare() || await openTab(browser, config);
					result = await auditPage(page, url, config);
				} catch (error) {
					const failure = message(error);
					result = {pa11y: [{message: failure}], probe: {url, requests: [], failure}, usable: false};
				}
				pa11yResults[url] = result.pa11y;
				probeResults[index] = result.probe;
				if (!result.usable && page) {
					await page.close().catch(() => {});
					page = null;
				}
			}
		} finally {
			if (page) {
				await page.close().catch(() => {});
			}
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
