// One measured load: autocannon against the running app, with every response's latency kept so
// that p50/p95/p99 are exact, and every unexpected status counted as an error.
import autocannon, { type RequestData } from 'autocannon';

export interface LoadRequest {
	method: 'GET' | 'POST';
	path: string;
	headers: Record<string, string>;
	body?: string;
}

export interface LoadScenario {
	name: string;
	description: string;
	connections: number;
	/** Status a correct answer has: 200 for pages, 303 for form actions (POST-redirect-GET). */
	expectedStatus: number;
	/** Builds each request (called once per request sent). */
	next: () => LoadRequest;
}

export interface Measurement {
	name: string;
	description: string;
	connections: number;
	seconds: number;
	requests: number;
	requestsPerSecond: number;
	latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
	/** Responses with another status than expected, connection errors and timeouts. */
	errors: number;
	statuses: Record<string, number>;
	/** CPU time of the whole machine (all cores) per request, in ms: see machine-cpu.ts. */
	cpuMsPerRequest?: number;
	/** Share of the machine's cores busy during the run, 0–1. */
	machineBusy?: number;
	note?: string;
}

function percentile(sorted: Float64Array, share: number): number {
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
	return sorted[Math.max(0, index)];
}

/** Two decimals, as the table and the JSON show them. */
export const round = (value: number) => Math.round(value * 100) / 100;

/** p50, p95, p99, max and mean of a run's latencies, in ms. */
export function latencySummary(latencies: number[]): Measurement['latencyMs'] {
	const sorted = Float64Array.from(latencies).sort();
	return {
		p50: round(percentile(sorted, 0.5)),
		p95: round(percentile(sorted, 0.95)),
		p99: round(percentile(sorted, 0.99)),
		max: round(sorted.length ? sorted[sorted.length - 1] : NaN),
		mean: round(latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length))
	};
}

/** Fewer answers than this in the timed run: the endpoint is measured over a fixed count instead. */
const MIN_RESPONSES = 10;

export async function measure(
	baseUrl: string,
	scenario: LoadScenario,
	seconds: number
): Promise<Measurement> {
	const timed = await run(baseUrl, scenario, { duration: seconds });
	if (timed.latencies.length >= MIN_RESPONSES) return summarise(scenario, timed);
	// Too slow to answer within the run (in-flight requests would be dropped unseen): wait for a
	// fixed number of answers instead, so a slow endpoint shows its real latency.
	return {
		...summarise(
			scenario,
			await run(baseUrl, scenario, { amount: Math.max(MIN_RESPONSES, scenario.connections) })
		),
		note: `too slow for a ${seconds} s run: measured over ${Math.max(MIN_RESPONSES, scenario.connections)} requests`
	};
}

interface RawRun {
	latencies: number[];
	statuses: Record<string, number>;
	seconds: number;
	errors: number;
}

async function run(
	baseUrl: string,
	scenario: LoadScenario,
	length: { duration: number } | { amount: number }
): Promise<RawRun> {
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	const request: RequestData = {
		setupRequest: (base) => {
			const next = scenario.next();
			return {
				...base,
				method: next.method,
				path: next.path,
				headers: { ...next.headers },
				body: next.body ?? ''
			};
		}
	};
	const started = performance.now();
	const instance = autocannon({
		url: baseUrl,
		connections: scenario.connections,
		...length,
		pipelining: 1,
		timeout: 120,
		requests: [request]
	});
	instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
		latencies.push(ms);
		statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
	});
	const result = await instance;
	const seconds = 'duration' in length ? result.duration : (performance.now() - started) / 1000;
	return { latencies, statuses, seconds, errors: result.errors };
}

function summarise(scenario: LoadScenario, raw: RawRun): Measurement {
	const { latencies, statuses } = raw;
	const good = statuses[scenario.expectedStatus] ?? 0;
	return {
		name: scenario.name,
		description: scenario.description,
		connections: scenario.connections,
		seconds: round(raw.seconds),
		requests: latencies.length,
		requestsPerSecond: round(good / raw.seconds),
		latencyMs: latencySummary(latencies),
		errors: latencies.length - good + raw.errors,
		statuses
	};
}
