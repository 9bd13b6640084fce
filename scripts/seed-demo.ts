// `npm run seed:demo`: fills an EMPTY database with the demo organisation and prints its sign-ins.
// Uses DATABASE_URL when set (this is the only way demo data reaches a PostgreSQL database),
// otherwise the embedded database in DATA_DIR (default ./data).
import { closeDatabase, databaseConfigFromEnv, openDatabase } from '../src/lib/server/db/index.ts';
import { formatDemoSignIns, seedDemoOrganisation } from '../src/lib/server/demo/seed.ts';

const config = databaseConfigFromEnv();
await openDatabase(config);
try {
	const signIns = await seedDemoOrganisation();
	console.log(`Created the demo organisation in ${config.url ? 'PostgreSQL' : config.dataDir}.`);
	console.log(formatDemoSignIns(signIns));
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await closeDatabase();
}
