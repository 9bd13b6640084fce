import { withoutNul } from './validation';

export interface CsvRecord {
	/** The file line on which the record starts (1-based), for error messages people can find. */
	line: number;
	fields: string[];
}

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" escapes a quote),
 * quoted fields may span lines, CRLF or LF line ends, a leading byte-order mark is ignored.
 * Returns null when a quote is left open.
 */
export function parseCsv(rawText: string): CsvRecord[] | null {
	// NUL characters never belong in a spreadsheet export, and PostgreSQL refuses them.
	const text = withoutNul(rawText);
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let inQuotes = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

	const endField = () => {
		fields.push(field);
		field = '';
	};
	const endRecord = () => {
		endField();
		records.push({ line: recordLine, fields });
		fields = [];
	};

	for (; i < text.length; i++) {
		const char = text[i];
		if (inQuotes) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') {
				inQuotes = false;
			} else {
				if (char === '\n') line++;
				field += char;
			}
		} else if (char === '"' && field === '') {
			inQuotes = true;
		} else if (char === ',') {
			endField();
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else {
			field += char;
		}
	}
	if (inQuotes) return null;
	if (field !== '' || fields.length > 0) endRecord();
	// Blank lines carry no record.
	return records.filter((record) => record.fields.some((value) => value.trim() !== ''));
}

/**
 * A CSV cell: quoted when needed; text starting with =, +, - or @ is neutralised against
 * spreadsheet formulas (numbers are written as they are).
 */
function csvCell(value: string | number): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 CSV with CRLF line ends. */
export function toCsv(rows: (string | number)[][]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
