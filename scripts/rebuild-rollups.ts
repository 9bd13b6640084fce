// `npm run rollups:rebuild`: recomputes HR's rollups from the raw ideas, in one transaction.
// Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data).
import { closeDatabase, db, openDatabase } from '../src/lib/server/db/index.ts';
import { rebuildRollups } from '../src/lib/server/insights/rollups.ts';

await openDatabase();
try {
	const started = performance.now();
	await db.transaction((tx) => rebuildRollups(tx));
	console.log(`Rollups rebuilt in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await closeDatabase();
}
