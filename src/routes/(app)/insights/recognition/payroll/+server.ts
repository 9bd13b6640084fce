import { localDate } from '$lib/domain/deadline';
import { requireRole } from '$lib/server/auth/guards';
import { getOrganisationSettings } from '$lib/server/org/settings';
import { gainsharingPayrollCsv, pickPeriod } from '$lib/server/recognition/hr-overview';
import type { RequestHandler } from './$types';

/** The gainsharing payroll file for one four-week period: /insights/recognition/payroll?period=… */
export const GET: RequestHandler = async ({ url }) => {
	requireRole('hr', 'admin');
	const { timeZone } = await getOrganisationSettings();
	const periodStart = pickPeriod(url.searchParams.get('period'), localDate(new Date(), timeZone));
	return new Response(await gainsharingPayrollCsv(periodStart), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="teian-gainsharing-payroll-${periodStart}.csv"`
		}
	});
};
