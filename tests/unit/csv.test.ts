import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/domain/csv';

describe('CSV parsing', () => {
	it('reads plain, quoted and escaped fields with their line numbers', () => {
		const text = 'a,b,c\n"x, y","say ""hi""",\n';
		expect(parseCsv(text)).toEqual([
			{ line: 1, fields: ['a', 'b', 'c'] },
			{ line: 2, fields: ['x, y', 'say "hi"', ''] }
		]);
	});

	it('handles CRLF, a byte-order mark, blank lines and a missing final newline', () => {
		expect(parseCsv('\uFEFFname\r\n\r\nAiko\r\nYuki')).toEqual([
			{ line: 1, fields: ['name'] },
			{ line: 3, fields: ['Aiko'] },
			{ line: 4, fields: ['Yuki'] }
		]);
	});

	it('keeps counting physical lines through a quoted field that spans lines', () => {
		expect(parseCsv('a\n"two\nlines"\nb')).toEqual([
			{ line: 1, fields: ['a'] },
			{ line: 2, fields: ['two\nlines'] },
			{ line: 4, fields: ['b'] }
		]);
	});

	it('returns null for a quote left open', () => {
		expect(parseCsv('a,"b\nc')).toBeNull();
	});
});
