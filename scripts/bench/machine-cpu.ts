// How much of the machine a run used: CPU time across all cores (app, database, the load
// generator and the kernel alike) per request answered. Throughput on a shared machine varies by
// ±15% from run to run; the CPU a request costs varies far less, so changes show in it first.
import { readFileSync } from 'node:fs';
import { round, type Measurement } from './load';

/** Linux reports /proc/stat in clock ticks of 10 ms (USER_HZ is 100 on every common build). */
const MS_PER_TICK = 10;

interface CpuTicks {
	busy: number;
	all: number;
}

/** Busy and total ticks of all cores since boot, or null off Linux. */
function readCpuTicks(): CpuTicks | null {
	try {
		const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
		// cpu user nice system idle iowait irq softirq steal …
		const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu
			.trim()
			.split(/\s+/)
			.slice(1)
			.map(Number);
		const busy = user + nice + system + irq + softirq;
		return { busy, all: busy + idle + iowait + steal };
	} catch {
		return null;
	}
}

/** Runs a measurement and adds the machine's CPU per request and how busy its cores were. */
export async function withMachineCpu(measuring: () => Promise<Measurement>): Promise<Measurement> {
	const before = readCpuTicks();
	const measurement = await measuring();
	const after = readCpuTicks();
	if (!before || !after || measurement.requests === 0) return measurement;
	const busy = after.busy - before.busy;
	return {
		...measurement,
		cpuMsPerRequest: round((busy * MS_PER_TICK) / measurement.requests),
		machineBusy: round(busy / Math.max(1, after.all - before.all))
	};
}
