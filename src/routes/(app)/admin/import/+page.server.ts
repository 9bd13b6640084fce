import { requireRole } from '$lib/server/auth/guards';
import { invalid } from '$lib/server/form';
import { inviteUrl } from '$lib/server/invite-link';
import { importPeopleCsv } from '$lib/server/org/csv-import';
import type { Actions, PageServerLoad } from './$types';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = async () => {
	await requireRole('admin');
};

export const actions: Actions = {
	// The result is returned as page data rather than after a redirect: it carries one-time invite
	// links (only their hashes are stored), possibly thousands, too many for a flash cookie.
	default: async ({ request, url }) => {
		const admin = await requireRole('admin');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) {
			return invalid({ file: 'Choose a CSV file to upload.' });
		}
		if (file.size > MAX_FILE_BYTES) {
			return invalid({ file: 'The file is larger than 2 MB. Split it into smaller files.' });
		}
		const text = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
		const result = await importPeopleCsv(text, admin.id);
		if (!result.ok) {
			return invalid(
				{ file: `Nothing was imported: ${result.rowErrors.length} problem(s) to fix.` },
				{ fileName: file.name, rowErrors: result.rowErrors }
			);
		}
		return {
			imported: result.people.map((person) => ({
				line: person.line,
				displayName: person.displayName,
				signInName: person.signInName,
				inviteUrl: inviteUrl(url.origin, person.invitation.token),
				expiresAt: person.invitation.expiresAt.toISOString()
			})),
			createdTeamPaths: result.createdTeamPaths
		};
	}
};
