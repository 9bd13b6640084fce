// The benchmark's table (stdout) and its JSON record (bench/results/).
import type { JsSize } from './js-size';
import { round, type Measurement } from './load';

export interface Row extends Measurement {
	isBaseline?: boolean;
	/** The baseline this row is compared with, and throughput relative to it. */
	baseline?: string;
	ratio?: number;
}

export interface Target {
	name: string;
	value: number | null;
	limit: string;
	met: boolean | null;
	note?: string;
}

const KB = 1000;

/** A throughput target: this endpoint's rate at least `minimum` × its baseline's. */
function ratioTarget(name: string, row: Row, baseline: Row, minimum: number): Target {
	const ratio = row.requestsPerSecond / baseline.requestsPerSecond;
	return { name, value: round(ratio), limit: `≥ ${minimum}`, met: ratio >= minimum };
}

export function evaluateTargets(
	rows: Row[],
	jsSize: JsSize | null,
	ideas: number,
	compare: { dashboardP95: number; ideas: number } | null
): Target[] {
	const byKey = new Map(rows.map((row) => [row.name, row]));
	const targets: Target[] = [];
	const vote = byKey.get('vote toggle');
	const raw = byKey.get('raw vote SQL');
	if (vote && raw) targets.push(ratioTarget('vote ≥ 0.5 × raw SQL rate', vote, raw, 0.5));
	const queue = byKey.get('manager queue');
	const trivial = byKey.get('trivial page');
	if (queue && trivial) {
		targets.push(ratioTarget('queue ≥ 0.8 × trivial page', queue, trivial, 0.8));
		targets.push({
			name: 'queue p99 ≤ 50 ms',
			value: queue.latencyMs.p99,
			limit: '≤ 50 ms',
			met: queue.latencyMs.p99 <= 50
		});
	}
	const dashboard = byKey.get('HR dashboard, 1 user') ?? byKey.get('HR dashboard');
	if (dashboard) {
		targets.push({
			name: 'dashboard p95 ≤ 100 ms at 3 M ideas',
			value: dashboard.latencyMs.p95,
			limit: '≤ 100 ms',
			met: ideas >= 3_000_000 ? dashboard.latencyMs.p95 <= 100 : null,
			note: ideas >= 3_000_000 ? undefined : `this dataset has ${ideas} ideas`
		});
		if (compare) {
			const ratio = dashboard.latencyMs.p95 / compare.dashboardP95;
			targets.push({
				name: `dashboard p95 ≤ 1.5 × at ${compare.ideas} ideas`,
				value: round(ratio),
				limit: '≤ 1.5',
				met: ratio <= 1.5
			});
		}
	}
	if (jsSize) {
		targets.push({
			name: 'submit page JS ≤ 40 kB gzipped',
			value: round(jsSize.totalGzipBytes / KB),
			limit: '≤ 40 kB',
			met: jsSize.totalGzipBytes <= 40 * KB,
			note: `modules ${round(jsSize.moduleGzipBytes / KB)} kB + inline data ${round(jsSize.inlineGzipBytes / KB)} kB`
		});
	}
	return targets;
}

export function formatTable(rows: Row[], targets: Target[], jsSize: JsSize | null): string {
	const header = [
		'endpoint',
		'conns',
		'req/s',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'CPU ms/req',
		'errors',
		'vs baseline'
	];
	const lines = rows.map((row) => [
		row.name,
		String(row.connections),
		row.requestsPerSecond.toFixed(0),
		row.latencyMs.p50.toFixed(1),
		row.latencyMs.p95.toFixed(1),
		row.latencyMs.p99.toFixed(1),
		row.cpuMsPerRequest === undefined ? '' : row.cpuMsPerRequest.toFixed(2),
		String(row.errors),
		row.isBaseline
			? '(baseline)'
			: row.ratio === undefined
				? ''
				: `${row.ratio.toFixed(2)} × ${row.baseline}`
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...lines.map((line) => line[column].length))
	);
	const format = (cells: string[]) =>
		`| ${cells.map((cell, column) => (column === 0 || column === 8 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
	const out = [
		format(header),
		`|${widths.map((width, column) => (column === 0 || column === 8 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
		...lines.map(format)
	];
	if (rows.some((row) => row.cpuMsPerRequest !== undefined)) {
		out.push(
			'',
			'CPU ms/req: CPU time of the whole machine (all cores: app, database, load generator, kernel) per request; it varies less between runs than req/s.'
		);
	}
	for (const row of rows.filter((row) => row.note)) out.push('', `${row.name}: ${row.note}.`);
	if (jsSize) {
		out.push(
			'',
			`Submit page (${jsSize.path}) JavaScript: ${(jsSize.totalGzipBytes / KB).toFixed(1)} kB gzipped (${(jsSize.totalBytes / KB).toFixed(1)} kB raw) in ${jsSize.files.length} files.`
		);
	}
	out.push('', 'Targets:');
	for (const target of targets) {
		const verdict = target.met === null ? 'n/a' : target.met ? 'met' : 'MISSED';
		out.push(
			`- ${target.name}: ${target.value ?? '–'} (${target.limit}) ${verdict}${target.note ? ` — ${target.note}` : ''}`
		);
	}
	return out.join('\n');
}
