// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	export interface RequestData {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
		setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData;
	}

	export interface Options {
		url: string;
		connections?: number;
		duration?: number;
		amount?: number;
		pipelining?: number;
		timeout?: number;
		method?: string;
		headers?: Record<string, string>;
		requests?: RequestData[];
	}

	export interface Result {
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		requests: { total: number; average: number };
	}

	export interface Instance extends EventEmitter, PromiseLike<Result> {
		stop(): void;
	}

	export default function autocannon(options: Options): Instance;
}
