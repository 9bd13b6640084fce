/**
 * One chart is server-rendered per width tier, each at a fixed viewBox, and a container query
 * shows only the tier that fits. With no measuring, JavaScript-off pages get the same picture, and
 * scaling stays within ~0.75–1.25× so SVG text reads at 11–18px from a phone to a full-width card.
 * Hidden tiers are `display: none`, so assistive technology meets only one chart.
 */
export const CHART_TIERS = [
	{ key: 'compact', width: 380, fontSize: 14, visibility: 'block @md:hidden' },
	{ key: 'medium', width: 620, fontSize: 15, visibility: 'hidden @md:block @3xl:hidden' },
	{ key: 'wide', width: 960, fontSize: 15, visibility: 'hidden @3xl:block' }
] as const;

export type ChartTier = (typeof CHART_TIERS)[number];

/**
 * Average advance of a character in the system sans-serif, in ems. Server and client must lay text
 * out identically, so widths are estimated rather than measured.
 */
const AVERAGE_CHAR_EM = 0.56;

export function estimateTextWidth(text: string, fontSize: number): number {
	return text.length * fontSize * AVERAGE_CHAR_EM;
}

/**
 * Indexes of the labels to show when `count` labels do not all fit: every nth one, counted back
 * from the last so the most recent week is always labelled.
 */
export function pickLabelIndexes(count: number, maxLabels: number): number[] {
	const step = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
	const indexes: number[] = [];
	for (let index = count - 1; index >= 0; index -= step) indexes.unshift(index);
	return indexes;
}

/**
 * A 0-based count axis with whole-number ticks at a 1-2-5 step (half an idea is not a thing).
 * Counts below `tickCount` still get a few ticks, so an all-zero week sits on a readable axis.
 */
export function countAxis(maxValue: number, tickCount = 4): { max: number; ticks: number[] } {
	const rawStep = Math.max(maxValue, tickCount) / tickCount;
	const magnitude = 10 ** Math.floor(Math.log10(rawStep));
	const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((size) => size >= rawStep)!;
	const wholeStep = Math.max(1, Math.round(step));
	const max = Math.ceil(Math.max(maxValue, tickCount) / wholeStep) * wholeStep;
	const ticks: number[] = [];
	for (let tick = 0; tick <= max; tick += wholeStep) ticks.push(tick);
	return { max, ticks };
}

/** Greedy word wrap to lines of at most `maxChars` characters (a long word gets a line of its own). */
export function wrapText(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}
