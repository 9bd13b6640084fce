// A text progress bar on stderr: rows, rows/s and ETA per step. On a terminal it redraws one
// line; in a log (CI) it prints a line every 10 seconds and one at the end of each step.

export interface StepTiming {
	step: string;
	rows: number;
	seconds: number;
}

const number = new Intl.NumberFormat('en-US');

function duration(seconds: number): string {
	if (!Number.isFinite(seconds)) return '--:--';
	const s = Math.max(0, Math.round(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const rest = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export class Progress {
	readonly timings: StepTiming[] = [];
	private step = '';
	private total = 0;
	private done = 0;
	private started = 0;
	private lastDraw = 0;
	private readonly isTerminal: boolean;

	constructor(private readonly isQuiet = false) {
		this.isTerminal = Boolean(process.stderr.isTTY);
	}

	start(step: string, total: number): void {
		this.step = step;
		this.total = total;
		this.done = 0;
		this.started = performance.now();
		this.lastDraw = 0;
		this.draw(true);
	}

	/** Adds finished rows; cheap enough to call per row (it draws at most a few times a second). */
	tick(rows = 1): void {
		this.done += rows;
		if ((this.done & 0x3ff) === 0) this.draw(false);
	}

	/** Ends the step; `rows` (what was written) defaults to the ticks counted. */
	finish(rows = this.done): StepTiming {
		this.done = rows;
		const seconds = (performance.now() - this.started) / 1000;
		const timing = { step: this.step, rows, seconds };
		this.timings.push(timing);
		if (!this.isQuiet) {
			const rate = seconds > 0 ? ` (${number.format(Math.round(this.done / seconds))} rows/s)` : '';
			process.stderr.write(
				`${this.isTerminal ? '\r\x1b[2K' : ''}✓ ${this.step.padEnd(22)} ${number.format(this.done).padStart(12)} rows in ${duration(seconds)}${rate}\n`
			);
		}
		return timing;
	}

	private draw(isForced: boolean): void {
		if (this.isQuiet) return;
		const now = performance.now();
		const interval = this.isTerminal ? 200 : 10_000;
		if (!isForced && now - this.lastDraw < interval) return;
		if (isForced && !this.isTerminal) return;
		this.lastDraw = now;
		const seconds = (now - this.started) / 1000;
		const rate = seconds > 0 ? this.done / seconds : 0;
		const share = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
		const width = 24;
		const filled = Math.round(share * width);
		const eta = rate > 0 ? (this.total - this.done) / rate : Infinity;
		const line = `${this.step.padEnd(22)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${number.format(this.done)}/${number.format(this.total)} ${number.format(Math.round(rate))} rows/s ETA ${duration(eta)}`;
		process.stderr.write(this.isTerminal ? `\r\x1b[2K${line}` : `${line}\n`);
	}
}
