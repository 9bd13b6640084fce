// Deterministic randomness for the scale generator: the same seed and sizes give the same
// organisation, so a benchmark can be reproduced row for row.

/** A fast 32-bit generator (sfc32): floats in [0, 1), integers, and the distributions we need. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number, stream = 0) {
		// splitmix32 spreads the seed and the stream number over the four words of state.
		let x = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
		const next = () => {
			x = (x + 0x9e3779b9) >>> 0;
			let z = x;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = next();
		this.b = next();
		this.c = next();
		this.d = next();
		for (let i = 0; i < 12; i++) this.uint32();
	}

	uint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max]. */
	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}

	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	/** Log-normal with the given median. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}

	exponential(mean: number): number {
		return -mean * Math.log(1 - this.next());
	}

	/** Pareto with minimum 1 and tail index alpha: the long tail of popularity (Zipf-like). */
	pareto(alpha: number): number {
		return Math.pow(1 - this.next(), -1 / alpha);
	}

	/** Rounds x up or down at random so that the expected value is x. */
	roundStochastic(x: number): number {
		const floor = Math.floor(x);
		return floor + (this.next() < x - floor ? 1 : 0);
	}
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Random version-4 UUIDs kept as four 32-bit words each (16 bytes instead of a 36-character
 * string), formatted only when a row is written.
 */
export class UuidList {
	readonly words: Uint32Array;

	constructor(
		readonly length: number,
		random: Random
	) {
		this.words = new Uint32Array(length * 4);
		for (let i = 0; i < length * 4; i++) this.words[i] = random.uint32();
		for (let i = 0; i < length; i++) {
			// Version 4 in the 13th hex digit, variant 10xx in the 17th.
			this.words[i * 4 + 1] = ((this.words[i * 4 + 1] & 0xffff0fff) | 0x00004000) >>> 0;
			this.words[i * 4 + 2] = ((this.words[i * 4 + 2] & 0x3fffffff) | 0x80000000) >>> 0;
		}
	}

	format(index: number): string {
		const w = this.words;
		const a = w[index * 4];
		const b = w[index * 4 + 1];
		const c = w[index * 4 + 2];
		const d = w[index * 4 + 3];
		return (
			HEX[a >>> 24] +
			HEX[(a >>> 16) & 255] +
			HEX[(a >>> 8) & 255] +
			HEX[a & 255] +
			'-' +
			HEX[b >>> 24] +
			HEX[(b >>> 16) & 255] +
			'-' +
			HEX[(b >>> 8) & 255] +
			HEX[b & 255] +
			'-' +
			HEX[c >>> 24] +
			HEX[(c >>> 16) & 255] +
			'-' +
			HEX[(c >>> 8) & 255] +
			HEX[c & 255] +
			HEX[d >>> 24] +
			HEX[(d >>> 16) & 255] +
			HEX[(d >>> 8) & 255] +
			HEX[d & 255]
		);
	}

	/** Indexes in the order PostgreSQL sorts the UUIDs, so child rows reach the B-trees in key order. */
	sortedOrder(): Uint32Array {
		const order = new Uint32Array(this.length);
		for (let i = 0; i < this.length; i++) order[i] = i;
		const w = this.words;
		return order.sort((x, y) => w[x * 4] - w[y * 4] || w[x * 4 + 1] - w[y * 4 + 1]);
	}
}

/** Samples indexes in proportion to their weights (binary search over the running totals). */
export class WeightedSampler {
	private readonly totals: Float64Array;

	constructor(weights: ArrayLike<number>) {
		this.totals = new Float64Array(weights.length);
		let sum = 0;
		for (let i = 0; i < weights.length; i++) {
			sum += weights[i];
			this.totals[i] = sum;
		}
		if (!(sum > 0)) throw new Error('Nothing to sample from: every weight is zero.');
	}

	sample(random: Random): number {
		const target = random.next() * this.totals[this.totals.length - 1];
		let low = 0;
		let high = this.totals.length - 1;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.totals[middle] > target) high = middle;
			else low = middle + 1;
		}
		return low;
	}
}

function greatestCommonDivisor(a: number, b: number): number {
	while (b) [a, b] = [b, a % b];
	return a;
}

/**
 * Picks `count` distinct members of a pool without a set: a random start and a random stride
 * coprime with the pool's size visit every member once. `skip` (e.g. the author) is never picked.
 */
export function pickDistinct(
	pool: ArrayLike<number>,
	count: number,
	random: Random,
	skip: number,
	visit: (member: number) => void
): void {
	const size = pool.length;
	if (size === 0 || count === 0) return;
	let stride = 1 + random.int(Math.max(1, size - 1));
	while (greatestCommonDivisor(stride, size) !== 1) stride++;
	let position = random.int(size);
	let picked = 0;
	for (let step = 0; step < size && picked < count; step++) {
		const member = pool[position];
		if (member !== skip) {
			visit(member);
			picked++;
		}
		position = (position + stride) % size;
	}
}
