/**
 * The floor of a browser audit: the least any audit of these pages can cost in this
 * browser. ONE Chromium (the audit's own launch flags), `concurrency` pages in flight (as
 * the audit has), each in a tab that goes on to the next page when it is done (as the
 * audit's do: a tab per page costs more); each page is loaded (to `load`) and gets ONE axe run with
 * every WCAG 2.x A and AA rule. Nothing else: no HTML_CodeSniffer, no request
 * recording, no language checks. The audit's seconds per page over this is how close
 * to the limit it is, on any machine.
 *
 * Usage: node floor.cjs <config.json> (executablePath, args, urls, tags, concurrency); prints
 * {"pages": n, "seconds": s, "perPage": [s, ...], "violations": n} on stdout.
 * The benchmark copies it into the audit's Node environment beside audit.cjs and runs
 * it there, so that it resolves the very puppeteer and axe-core the audit uses.
 */
'use strict';

const fs = require('fs');
// The puppeteer pa11y itself uses, as audit.cjs takes it.
const puppeteer = require(require.resolve('puppeteer', {paths: [require.resolve('pa11y')]}));
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function main() {
	const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const browser = await puppeteer.launch({executablePath: config.executablePath, args: config.args});
	const perPage = [];
	let violations = 0;
	const started = process.hrtime.bigint();
	const queue = [...config.urls];
	async function worker() {
		const page = await browser.newPage();
		for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
			const begun = process.hrtime.bigint();
			await page.goto(url, {waitUntil: 'load'});
			await page.evaluate(axeSource);
			const result = await page.evaluate(
				// The audit's axe run describes only violations and incomplete results; so does the floor's.
				tags => window.axe.run(document, {
					runOnly: {type: 'tag', values: tags},
					resultTypes: ['violations', 'incomplete']
				}),
				config.tags,
			);
			violations += result.violations.length;
			perPage.push(Number(process.hrtime.bigint() - begun) / 1e9);
		}
		await page.close();
	}
	try {
		await Promise.all(Array.from({length: Math.max(1, config.concurrency || 1)}, worker));
	} finally {
		await browser.close();
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	process.stdout.write(JSON.stringify({pages: perPage.length, seconds, perPage, violations}));
}

main().catch(error => {
	process.stderr.write(`${(error && error.stack) || error}\n`);
	process.exit(1);
});
