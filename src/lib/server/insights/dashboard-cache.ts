import type { Period } from '../../domain/insights';
import { loadDashboard, type Dashboard } from './dashboard';

/** HR's figures may be this old: aggregates over weeks do not need to-the-second freshness. */
export const DASHBOARD_MAX_AGE_MS = 60 * 1000;
const MAX_ENTRIES = 200;

const recent = new Map<string, { at: number; dashboard: Promise<Dashboard | null> }>();

/**
 * The dashboard for a scope and period, computed at most once a minute per app server: at Toyota
 * scale one computation reads a few hundred thousand rollup rows, and HR's views repeat. Concurrent
 * requests for the same view share one computation.
 */
export function loadRecentDashboard(request: {
	teamId: string | null;
	period: Period;
}): Promise<Dashboard | null> {
	const key = `${request.teamId ?? ''}|${request.period.from}|${request.period.to}`;
	const now = Date.now();
	const hit = recent.get(key);
	if (hit && now - hit.at < DASHBOARD_MAX_AGE_MS) return hit.dashboard;
	const dashboard = loadDashboard(request);
	recent.set(key, { at: now, dashboard });
	dashboard.catch(() => recent.delete(key));
	if (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value!);
	return dashboard;
}
