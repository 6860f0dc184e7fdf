/**
 * WCAG 1.4.12 Text Spacing, as the three ACT rules on style attributes define it:
 * a reader's own style sheet cannot widen the spacing that a style attribute fixes
 * with !important, so that spacing must already be wide enough.
 *
 * - letter-spacing at least 0.12 times the font size (ACT 24afc2),
 * - word-spacing at least 0.16 times (ACT 9e45ec),
 * - line-height at least 1.5 times, for text that wraps onto several lines (ACT 78fd32).
 *
 * An element is checked when its style attribute declares the property !important with
 * a value of its own (not inherit, unset or revert). What counts is the visible text
 * that takes the spacing from it, measured against that text's own font size: a
 * descendant that sets the property itself is judged on its own. axe-core's
 * avoid-inline-spacing reads the declared value against the element's font size
 * alone, which fails text in a smaller font that the spacing serves well.
 *
 * Runs in the page (puppeteer's page.evaluate, after pa11y, whose helpers name the
 * element). Returns one result per checked element:
 * {property, rule, passed, value, needed, selector, context}.
 */
'use strict';

function textSpacing() {
	const RULES = [
		{property: 'letter-spacing', rule: 'letter-spacing-important', factor: 0.12, wraps: false},
		{property: 'word-spacing', rule: 'word-spacing-important', factor: 0.16, wraps: false},
		{property: 'line-height', rule: 'line-height-important', factor: 1.5, wraps: true}
	];
	const NOT_OWN = ['inherit', 'unset', 'revert', 'revert-layer'];
	const TOLERANCE = 0.01;  // px: 3px against 0.12 × 25px is enough, whatever the rounding

	function px(value) {
		const number = parseFloat(value);
		return Number.isFinite(number) ? number : 0;  // "normal" spacing is none
	}

	/** The used value in px; line-height "normal" is below any factor asked for. */
	function measured(style, property) {
		const value = style.getPropertyValue(property).trim();
		if (property === 'line-height' && value === 'normal') {
			return 0;
		}
		return px(value);
	}

	function visibleRects(text) {
		const range = document.createRange();
		range.selectNodeContents(text);
		const rects = [...range.getClientRects()].filter(rect => rect.width > 0 && rect.height > 0);
		// Off the page (position: absolute; top: -999em) is not visible either.
		return rects.filter(rect => rect.bottom + window.scrollY > 0 && rect.right + window.scrollX > 0);
	}

	function lines(rects) {
		return new Set(rects.map(rect => Math.round(rect.top))).size;
	}

	/** Whether ``element`` takes its value of ``property`` from ``from`` (inherited unchanged). */
	function takesFrom(element, from, property, declared) {
		const source = getComputedStyle(from).getPropertyValue(property);
		for (let node = element; node && node !== from; node = node.parentElement) {
			const style = getComputedStyle(node);
			if (node.style.getPropertyValue(property)) {
				return false;  // it sets the property itself
			}
			if (property === 'line-height' && /^[0-9.]+$/.test(declared)) {
				// A plain number is inherited as a factor of each element's own font size.
				const factor = measured(style, property) / px(style.fontSize);
				if (Math.abs(factor - parseFloat(declared)) > 0.01) {
					return false;
				}
			} else if (style.getPropertyValue(property) !== source) {
				return false;  // a style sheet sets it in between
			}
		}
		return true;
	}

	function name(element) {
		const pa11y = window.__pa11y;
		return {
			selector: pa11y ? pa11y.getElementSelector(element) : element.tagName.toLowerCase(),
			context: pa11y ? pa11y.getElementContext(element) : ''
		};
	}

	const results = [];
	for (const element of document.querySelectorAll('[style]')) {
		for (const {property, rule, factor, wraps} of RULES) {
			if (element.style.getPropertyPriority(property) !== 'important') {
				continue;
			}
			const declared = element.style.getPropertyValue(property).trim().toLowerCase();
			if (NOT_OWN.includes(declared)) {
				continue;
			}
			let applicable = false;
			let worst = null;
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			for (let text = walker.nextNode(); text; text = walker.nextNode()) {
				const parent = text.parentElement;
				if (!parent || !text.data.trim() || !takesFrom(parent, element, property, declared)) {
					continue;
				}
				const rects = visibleRects(text);
				const style = getComputedStyle(parent);
				if (rects.length === 0 || style.visibility !== 'visible' || (wraps && lines(rects) < 2)) {
					continue;
				}
				applicable = true;
				const value = measured(style, property);
				const needed = factor * px(style.fontSize);
				if (value + TOLERANCE < needed && (!worst || needed - value > worst.needed - worst.value)) {
					worst = {value, needed};
				}
			}
			if (applicable) {
				results.push({
					property,
					rule,
					declared,
					passed: worst === null,
					value: worst ? worst.value : null,
					needed: worst ? worst.needed : null,
					...name(element)
				});
			}
		}
	}
	return results;
}

module.exports = {textSpacing};
