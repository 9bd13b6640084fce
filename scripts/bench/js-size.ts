// How much JavaScript a page ships: every script the HTML loads or preloads (SvelteKit's
// modulepreload links and the inline start-up script), each gzipped as a server would send it.
import { gzipSync } from 'node:zlib';

export interface JsSize {
	path: string;
	files: { url: string; bytes: number; gzipBytes: number }[];
	totalBytes: number;
	totalGzipBytes: number;
	/** The modules (code) alone, and the inline start-up script with the page's serialized data. */
	moduleGzipBytes: number;
	inlineGzipBytes: number;
}

export async function measurePageJs(
	baseUrl: string,
	path: string,
	headers: Record<string, string>
): Promise<JsSize> {
	const response = await fetch(new URL(path, baseUrl), { headers, redirect: 'manual' });
	if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
	const html = await response.text();
	const pageUrl = new URL(path, baseUrl);
	const urls = new Set<string>();
	const add = (href: string, base: URL | string = pageUrl) => urls.add(new URL(href, base).href);
	// SvelteKit lists a page's modules as modulepreload links, in the Link header or the HTML…
	for (const match of (response.headers.get('link') ?? '').matchAll(
		/<([^>]+)>;[^,]*rel="modulepreload"/g
	)) {
		add(match[1]);
	}
	for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(match[0])?.[1];
		if (href) add(href);
	}
	for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) add(match[1]);
	// …and the inline start-up script imports the entry points.
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) add(match[1]);

	const files: JsSize['files'] = [];
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
		.map((match) => match[1])
		.join('\n');
	if (inline.trim()) {
		const bytes = Buffer.from(inline);
		files.push({ url: '(inline)', bytes: bytes.length, gzipBytes: gzipSync(bytes).length });
	}
	// Every static import of those modules loads too (dynamic import() of other pages does not).
	const pending = [...urls];
	while (pending.length > 0) {
		const url = pending.shift()!;
		const file = await fetch(url);
		if (!file.ok) throw new Error(`GET ${url} answered ${file.status}`);
		const bytes = Buffer.from(await file.arrayBuffer());
		files.push({
			url: new URL(url).pathname,
			bytes: bytes.length,
			gzipBytes: gzipSync(bytes).length
		});
		for (const match of bytes
			.toString('utf8')
			.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) {
			const imported = new URL(match[1], url).href;
			if (!urls.has(imported)) {
				urls.add(imported);
				pending.push(imported);
			}
		}
	}
	return {
		path,
		files,
		totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
		totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
		moduleGzipBytes: files
			.filter((file) => file.url !== '(inline)')
			.reduce((sum, file) => sum + file.gzipBytes, 0),
		inlineGzipBytes: files.find((file) => file.url === '(inline)')?.gzipBytes ?? 0
	};
}
