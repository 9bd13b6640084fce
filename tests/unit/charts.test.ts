import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import MixBarChart from '$lib/components/charts/MixBarChart.svelte';
import RateBarChart from '$lib/components/charts/RateBarChart.svelte';
import WeeklyTrendChart from '$lib/components/charts/WeeklyTrendChart.svelte';

/** Server-rendered markup, parsed just enough to query: the charts must work with JavaScript off. */
function renderToDocument(html: string) {
	const withoutHydrationMarkers = html.replace(/<!--[^]*?-->/g, '');
	return {
		html: withoutHydrationMarkers,
		/** Opening tags of every element named `tag`. */
		tags: (tag: string) => withoutHydrationMarkers.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [],
		/** Each body row of the table, as the text of its cells. */
		tableRows: () =>
			[
				...(withoutHydrationMarkers.match(/<tbody>([^]*?)<\/tbody>/)?.[1] ?? '').matchAll(
					/<tr\b[^>]*>([^]*?)<\/tr>/g
				)
			].map((row) =>
				[...row[1].matchAll(/<t[hd]\b[^>]*>([^]*?)<\/t[hd]>/g)].map((cell) => cell[1].trim())
			)
	};
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function attribute(tag: string, name: string) {
	return tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

/** Every chart SVG is an image named by the visible title and described by the visible description. */
function expectAccessibleSvgs(
	doc: ReturnType<typeof renderToDocument>,
	title: string,
	description: string
) {
	const svgs = doc.tags('svg').filter((tag) => attribute(tag, 'role') === 'img');
	expect(svgs.length).toBeGreaterThan(0);
	for (const svg of svgs) {
		const titleId = attribute(svg, 'aria-labelledby');
		const descriptionId = attribute(svg, 'aria-describedby');
		expect(doc.html).toMatch(new RegExp(`id="${titleId}"[^>]*>\\s*${escapeRegExp(title)}\\s*<`));
		expect(doc.html).toMatch(
			new RegExp(`id="${descriptionId}"[^>]*>\\s*${escapeRegExp(description)}\\s*<`)
		);
		expect(attribute(svg, 'viewBox')).toMatch(/^0 0 \d+ \d+$/);
	}
}

describe('WeeklyTrendChart', () => {
	const weeks = [
		{ weekStart: '2025-11-03', submitted: 12, decided: 8, implemented: 2 },
		{ weekStart: '2025-11-10', submitted: 9, decided: 10, implemented: 3 },
		{ weekStart: '2025-11-17', submitted: 15, decided: 11, implemented: 5 }
	];

	it('renders a labelled SVG, a legend and one table row per week', () => {
		const doc = renderToDocument(
			render(WeeklyTrendChart, {
				props: { title: 'Ideas per week', description: 'Three weeks of ideas.', weeks }
			}).body
		);

		expectAccessibleSvgs(doc, 'Ideas per week', 'Three weeks of ideas.');
		expect(doc.html).toContain('<path');
		expect(doc.html).toContain('>3 Nov<');
		for (const label of ['Submitted', 'Decided', 'Implemented']) expect(doc.html).toContain(label);
		expect(doc.html).toContain('Show as a table');
		expect(doc.tags('caption')).toHaveLength(1);
		expect(doc.tableRows()).toEqual([
			['3 Nov 2025', '12', '8', '2'],
			['10 Nov 2025', '9', '10', '3'],
			['17 Nov 2025', '15', '11', '5']
		]);
		expect(doc.tags('th').filter((tag) => attribute(tag, 'scope') === 'row')).toHaveLength(3);
	});

	it('says there is no data instead of drawing an empty chart', () => {
		const doc = renderToDocument(
			render(WeeklyTrendChart, {
				props: { title: 'Ideas per week', description: 'Nothing yet.', weeks: [] }
			}).body
		);

		expect(doc.html).toContain('No data for this period');
		expect(doc.tags('svg')).toHaveLength(0);
		expect(doc.tags('table')).toHaveLength(0);
	});
});

describe('RateBarChart', () => {
	const bars = [
		{ label: 'Assembly', value: 0.97 },
		{ label: 'Finance', value: 0.945 },
		{ label: 'Warehouse', value: 0 }
	];
	const referenceLabel = '95% — Teian’s aspiration (Toyota-inspired)';

	it('labels each bar with its percentage and lists the same in the table', () => {
		const doc = renderToDocument(
			render(RateBarChart, {
				props: { title: 'On time by team', description: 'Decided by the deadline.', bars }
			}).body
		);

		expectAccessibleSvgs(doc, 'On time by team', 'Decided by the deadline.');
		expect(doc.html).toContain('>94.5%<');
		expect(doc.html).not.toContain('reference-line');
		expect(doc.tableRows()).toEqual([
			['Assembly', '97%'],
			['Finance', '94.5%'],
			['Warehouse', '0%']
		]);
	});

	it('draws the reference line with its label when given one', () => {
		const doc = renderToDocument(
			render(RateBarChart, {
				props: {
					title: 'On time by team',
					description: 'Decided by the deadline.',
					bars,
					referenceValue: 0.95,
					referenceLabel
				}
			}).body
		);

		expect(
			doc.tags('line').some((tag) => attribute(tag, 'class')?.includes('reference-line'))
		).toBe(true);
		// Wrapped across <tspan>s inside the SVG, whole in the table caption.
		expect(doc.html).toContain('Teian’s aspiration');
		expect(doc.html).toMatch(
			new RegExp(
				`<caption[^>]*>\\s*On time by team \\(reference: ${escapeRegExp(referenceLabel)}\\)`
			)
		);
	});

	it('says there is no data instead of drawing an empty chart', () => {
		const doc = renderToDocument(
			render(RateBarChart, {
				props: { title: 'On time', description: 'None.', bars: [], referenceValue: 0.95 }
			}).body
		);

		expect(doc.html).toContain('No data for this period');
		expect(doc.tags('svg')).toHaveLength(0);
	});
});

describe('MixBarChart', () => {
	const items = [
		{ label: 'Safety', value: 42 },
		{ label: 'Quality', value: 31 },
		{ label: 'Customer experience', value: 1027 }
	];

	it('labels each bar with its count and lists counts and shares in the table', () => {
		const doc = renderToDocument(
			render(MixBarChart, {
				props: { title: 'What people improve', description: 'By main benefit.', items }
			}).body
		);

		expectAccessibleSvgs(doc, 'What people improve', 'By main benefit.');
		expect(doc.html).toContain('>1,027<');
		expect(doc.tableRows()).toEqual([
			['Safety', '42', '3.8%'],
			['Quality', '31', '2.8%'],
			['Customer experience', '1,027', '93.4%']
		]);
	});

	it('says there is no data instead of drawing an empty chart', () => {
		const doc = renderToDocument(
			render(MixBarChart, {
				props: { title: 'What people improve', description: 'None.', items: [] }
			}).body
		);

		expect(doc.html).toContain('No data for this period');
		expect(doc.tags('svg')).toHaveLength(0);
	});
});
