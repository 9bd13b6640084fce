import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: migrations are generated into drizzle/, reviewed, committed,
// and applied by src/lib/server/db/migrate.ts. Never `push`.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	casing: 'snake_case',
	strict: true,
	verbose: true
});
