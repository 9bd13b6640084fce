// `npm start`: builds Teian if needed and serves it. Without DATABASE_URL it runs on the embedded
// database in ./data, which gets the demo organisation on first start (its sign-ins are printed).
// On PostgreSQL it serves from one process per core (scripts/serve.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = process.env.PORT || '3000';
const env = {
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	// Room for a phone's full-size photo without JavaScript, so the app itself can answer
	// "larger than 5 MB" next to the field instead of the server refusing the whole form.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '25M'
};

if (!existsSync('build/index.js') || process.argv.includes('--rebuild')) {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', env });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(
	`Starting Teian on ${env.ORIGIN} (${env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite in ' + (env.DATA_DIR || 'data')})`
);
const server = spawn(process.execPath, ['scripts/serve.js', 'build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
