import { inArray, or } from 'drizzle-orm';
import { parseCsv, type CsvRecord } from '../../domain/csv';
import { ROLES, type Role } from '../../domain/roles';
import { personSchema, type PersonInput } from '../../domain/schemas';
import { formatTeamPath, parseTeamPath, teamPathKey } from '../../domain/team-path';
import { parseInput } from '../../domain/validation';
import { db, pgErrorCode } from '../db';
import { people } from '../db/schema';
import type { NewInvitation } from './invitations';
import { insertPerson } from './people';
import { findOrCreateTeamPath, listTeamChoices, lockHierarchy } from './teams';

export const CSV_MAX_ROWS = 5000;

/** Accepted header names (case-insensitive) for each column. */
const COLUMNS = {
	displayName: ['name', 'display name', 'display_name'],
	email: ['email', 'e-mail'],
	employeeNumber: ['employee number', 'employee_number', 'employee no', 'employee_no'],
	team: ['team', 'team path', 'team_path'],
	roles: ['roles', 'role'],
	manages: ['manages', 'teams managed', 'teams_managed']
} as const;
type Column = keyof typeof COLUMNS;

const FIELD_LABELS: Record<string, string> = {
	displayName: 'name',
	email: 'email',
	employeeNumber: 'employee number',
	homeTeamId: 'team',
	roles: 'roles',
	managedTeamIds: 'manages'
};

const ROLE_ALIASES: Record<string, Role> = { administrator: 'admin', 'human resources': 'hr' };

export interface RowError {
	line: number;
	message: string;
}

export interface ImportedPerson {
	line: number;
	displayName: string;
	signInName: string;
	invitation: NewInvitation;
}

export type CsvImportResult =
	| { ok: true; people: ImportedPerson[]; createdTeamPaths: string[] }
	| { ok: false; rowErrors: RowError[] };

interface PlannedRow {
	line: number;
	input: PersonInput;
}

/**
 * Imports people from CSV text: all rows or none. Every bad row is reported with its line number;
 * only a file without a single bad row is written, in one transaction. Missing teams on a path are
 * created; everyone imported gets an invitation link.
 */
export async function importPeopleCsv(
	text: string,
	createdById: string,
	now = new Date()
): Promise<CsvImportResult> {
	const records = parseCsv(text);
	if (!records) return fail(1, 'A quoted field is never closed: check the quotation marks.');
	const [header, ...rows] = records;
	if (!header) return fail(1, 'The file is empty.');
	const columns = mapHeader(header);
	if ('error' in columns) return fail(header.line, columns.error);
	if (rows.length === 0) return fail(header.line, 'The file has a header but no people.');
	if (rows.length > CSV_MAX_ROWS) {
		return fail(header.line, `Import at most ${CSV_MAX_ROWS} people per file.`);
	}

	// Teams are matched case-insensitively by path; a path not found yet gets a placeholder id that
	// becomes a real team inside the import transaction.
	const teamIdsByPath = new Map(
		(await listTeamChoices()).map((team) => [teamPathKey(team.path), team.id])
	);
	const newTeamPaths = new Map<string, string[]>();
	const resolveTeam = (path: string): string | null => {
		const names = parseTeamPath(path);
		if (!names) return null;
		const key = teamPathKey(formatTeamPath(names));
		if (!teamIdsByPath.has(key)) {
			const placeholder = crypto.randomUUID();
			teamIdsByPath.set(key, placeholder);
			newTeamPaths.set(placeholder, names);
		}
		return teamIdsByPath.get(key)!;
	};

	const rowErrors: RowError[] = [];
	const planned: PlannedRow[] = [];
	for (const record of rows) {
		const planOrErrors = planRow(record, columns, resolveTeam);
		if ('errors' in planOrErrors) {
			rowErrors.push(...planOrErrors.errors.map((message) => ({ line: record.line, message })));
		} else {
			planned.push(planOrErrors);
		}
	}
	rowErrors.push(...findDuplicatesInFile(planned), ...(await findTakenIdentifiers(planned)));
	if (rowErrors.length > 0) {
		return { ok: false, rowErrors: rowErrors.sort((a, b) => a.line - b.line) };
	}

	try {
		return await writeImport(planned, newTeamPaths, createdById, now);
	} catch (error) {
		// Someone added one of these people between our checks and the write; nothing was written.
		if (pgErrorCode(error) === '23505') {
			return fail(
				1,
				'Someone added one of these people at the same moment. Upload the file again.'
			);
		}
		throw error;
	}
}

async function writeImport(
	planned: PlannedRow[],
	newTeamPaths: Map<string, string[]>,
	createdById: string,
	now: Date
): Promise<CsvImportResult> {
	return db.transaction(async (tx) => {
		await lockHierarchy(tx);
		const realTeamIds = new Map<string, string>();
		const createdTeamPaths: string[] = [];
		for (const [placeholder, names] of newTeamPaths) {
			const { teamId, createdPaths } = await findOrCreateTeamPath(tx, names);
			realTeamIds.set(placeholder, teamId);
			createdTeamPaths.push(...createdPaths);
		}
		const real = (id: string) => realTeamIds.get(id) ?? id;
		const imported: ImportedPerson[] = [];
		for (const { line, input } of planned) {
			const resolved = {
				...input,
				homeTeamId: real(input.homeTeamId),
				managedTeamIds: input.managedTeamIds.map(real)
			};
			const { invitation } = await insertPerson(tx, resolved, createdById, now);
			imported.push({
				line,
				displayName: input.displayName,
				signInName: (input.email ?? input.employeeNumber)!,
				invitation
			});
		}
		return { ok: true as const, people: imported, createdTeamPaths };
	});
}

function fail(line: number, message: string): CsvImportResult {
	return { ok: false, rowErrors: [{ line, message }] };
}

function mapHeader(header: CsvRecord): Partial<Record<Column, number>> | { error: string } {
	const names = header.fields.map((name) => name.trim().toLowerCase());
	const columns: Partial<Record<Column, number>> = {};
	for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
		const index = names.findIndex((name) => aliases.includes(name));
		if (index >= 0) columns[column] = index;
	}
	const unknown = names.filter(
		(name) =>
			name !== '' &&
			!Object.values(COLUMNS).some((aliases) => (aliases as readonly string[]).includes(name))
	);
	if (unknown.length > 0) {
		return {
			error: `Unknown column "${unknown[0]}". Use: name, email, employee_number, team, roles, manages.`
		};
	}
	if (columns.displayName === undefined || columns.team === undefined) {
		return { error: 'The first line must name the columns, with at least "name" and "team".' };
	}
	if (columns.email === undefined && columns.employeeNumber === undefined) {
		return { error: 'Add an "email" or an "employee_number" column (or both).' };
	}
	return columns;
}

function splitList(value: string): string[] {
	return value
		.split(/[;|]/)
		.map((item) => item.trim())
		.filter(Boolean);
}

function planRow(
	record: CsvRecord,
	columns: Partial<Record<Column, number>>,
	resolveTeam: (path: string) => string | null
): PlannedRow | { errors: string[] } {
	const cell = (column: Column) =>
		columns[column] === undefined ? '' : (record.fields[columns[column]!] ?? '').trim();
	const errors: string[] = [];

	const teamPath = cell('team');
	const homeTeamId = resolveTeam(teamPath);
	if (!homeTeamId) {
		errors.push(
			teamPath
				? `team: "${teamPath}" is not a valid team path (like Plant A/Assembly/Line 2).`
				: 'team: give the person’s team, like Plant A/Assembly/Line 2.'
		);
	}
	const managedTeamIds: string[] = [];
	for (const path of splitList(cell('manages'))) {
		const id = resolveTeam(path);
		if (id) managedTeamIds.push(id);
		else errors.push(`manages: "${path}" is not a valid team path.`);
	}
	const roleNames = splitList(cell('roles').replace(/,/g, ';')).map((role) => role.toLowerCase());
	const roles = (roleNames.length > 0 ? roleNames : ['employee']).map(
		(role) => ROLE_ALIASES[role] ?? role
	);
	const unknownRole = roles.find((role) => !(ROLES as readonly string[]).includes(role));
	if (unknownRole) {
		errors.push(`roles: "${unknownRole}" is not a role. Use employee, manager, hr or admin.`);
	}
	if (errors.length > 0) return { errors };

	const parsed = parseInput(personSchema, {
		displayName: cell('displayName'),
		email: cell('email'),
		employeeNumber: cell('employeeNumber'),
		homeTeamId,
		roles,
		managedTeamIds
	});
	if (!parsed.ok) {
		return {
			errors: Object.entries(parsed.errors).map(
				([field, message]) => `${FIELD_LABELS[field] ?? field}: ${message}`
			)
		};
	}
	return { line: record.line, input: parsed.value };
}

function findDuplicatesInFile(planned: PlannedRow[]): RowError[] {
	const errors: RowError[] = [];
	const firstLine = new Map<string, number>();
	for (const { line, input } of planned) {
		for (const [label, value] of [
			['e-mail address', input.email],
			['employee number', input.employeeNumber]
		] as const) {
			if (!value) continue;
			const key = `${label}:${value}`;
			const seen = firstLine.get(key);
			if (seen) errors.push({ line, message: `${label} ${value} is also on line ${seen}.` });
			else firstLine.set(key, line);
		}
	}
	return errors;
}

async function findTakenIdentifiers(planned: PlannedRow[]): Promise<RowError[]> {
	const emails = planned.flatMap(({ input }) => (input.email ? [input.email] : []));
	const numbers = planned.flatMap(({ input }) =>
		input.employeeNumber ? [input.employeeNumber] : []
	);
	if (emails.length === 0 && numbers.length === 0) return [];
	const taken = await db
		.select({ email: people.email, employeeNumber: people.employeeNumber })
		.from(people)
		.where(
			or(
				emails.length > 0 ? inArray(people.email, emails) : undefined,
				numbers.length > 0 ? inArray(people.employeeNumber, numbers) : undefined
			)
		);
	const takenEmails = new Set(taken.map((row) => row.email));
	const takenNumbers = new Set(taken.map((row) => row.employeeNumber));
	const errors: RowError[] = [];
	for (const { line, input } of planned) {
		if (input.email && takenEmails.has(input.email)) {
			errors.push({ line, message: `Someone already has the e-mail address ${input.email}.` });
		}
		if (input.employeeNumber && takenNumbers.has(input.employeeNumber)) {
			errors.push({
				line,
				message: `Someone already has employee number ${input.employeeNumber}.`
			});
		}
	}
	return errors;
}
