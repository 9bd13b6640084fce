// What the benchmark sends: each endpoint as the browser would (form posts with the session cookie
// and the Origin header SvelteKit's CSRF check wants), spread over the generated load sessions.
import { sessionCookieName } from '../../src/lib/server/auth/session';
import type { LoadPlan } from '../scale/sessions';
import type { LoadRequest, LoadScenario } from './load';

/** The session cookie as the app reads it over plain HTTP. */
export const sessionCookie = (token: string) => `${sessionCookieName(false)}=${token}`;

/**
 * Who votes on what: each open idea paired with an employee who did not write it. Every pair flips
 * between vote and unvote, so most requests really insert or delete a row, spread over many ideas.
 */
export class VoteToggles {
	private readonly pairs: { ideaId: string; personId: string; token: string }[] = [];
	private readonly isOn = new Map<number, boolean>();
	private position = 0;

	constructor(load: LoadPlan) {
		const employees = load.employees;
		load.voteTargets.forEach((target, index) => {
			for (let k = 0; k < employees.length; k++) {
				const employee = employees[(index + k) % employees.length];
				if (employee.personId !== target.authorId) {
					this.pairs.push({
						ideaId: target.ideaId,
						personId: employee.personId,
						token: employee.token
					});
					break;
				}
			}
		});
		if (this.pairs.length === 0) throw new Error('No idea is open to votes: nothing to vote on.');
	}

	get size(): number {
		return this.pairs.length;
	}

	next(): { ideaId: string; personId: string; token: string; wantsVote: boolean } {
		const index = this.position++ % this.pairs.length;
		const wantsVote = !(this.isOn.get(index) ?? false);
		this.isOn.set(index, wantsVote);
		return { ...this.pairs[index], wantsVote };
	}
}

export function buildScenarios(
	load: LoadPlan,
	origin: string,
	connections: number
): Record<string, LoadScenario> {
	let employeeTurn = 0;
	const nextEmployee = () => load.employees[employeeTurn++ % load.employees.length];
	const page = (path: string, token?: string): LoadRequest => ({
		method: 'GET',
		path,
		headers: token ? { accept: 'text/html', cookie: sessionCookie(token) } : { accept: 'text/html' }
	});
	const form = (path: string, token: string, fields: Record<string, string>): LoadRequest => ({
		method: 'POST',
		path,
		headers: {
			// A plain form post, as without JavaScript: the action answers 303 (with JavaScript,
			// use:enhance asks for JSON instead; the action's work is the same).
			accept: 'text/html',
			cookie: sessionCookie(token),
			origin,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	});
	const toggles = new VoteToggles(load);
	let submitted = 0;

	return {
		trivial: {
			name: 'trivial page',
			description: 'GET /sign-in without a session: SvelteKit rendering, no database',
			connections,
			expectedStatus: 200,
			next: () => page('/sign-in')
		},
		signedIn: {
			name: 'lightest signed-in page',
			description:
				'GET /account, employees: the session with its frame, then the profile (two short reads); no page that reads the database can be faster',
			connections,
			expectedStatus: 200,
			next: () => page('/account', nextEmployee().token)
		},
		vote: {
			name: 'vote toggle',
			description: `POST /ideas/[id]?/vote, vote and unvote over ${toggles.size} open ideas`,
			connections,
			expectedStatus: 303,
			next: () => {
				const vote = toggles.next();
				return form(`/ideas/${vote.ideaId}?/vote`, vote.token, {
					vote: vote.wantsVote ? 'on' : 'off'
				});
			}
		},
		feed: {
			name: 'idea feed',
			description: 'GET /ideas (newest first), employees',
			connections,
			expectedStatus: 200,
			next: () => page('/ideas', nextEmployee().token)
		},
		queue: {
			name: 'manager queue',
			description: `GET /queue, manager of ${load.manager.teamName} (${load.manager.subtreeTeams} teams, ${load.manager.subtreePeople} people)`,
			connections,
			expectedStatus: 200,
			next: () => page('/queue', load.manager.token)
		},
		dashboard: {
			name: 'HR dashboard',
			description: 'GET /insights, whole organisation, last 13 weeks',
			connections,
			expectedStatus: 200,
			next: () => page('/insights', load.hr.token)
		},
		submit: {
			name: 'submit idea',
			description: 'POST /ideas/new, employees, no photo',
			connections,
			expectedStatus: 303,
			next: () => {
				const employee = nextEmployee();
				submitted++;
				return form('/ideas/new', employee.token, {
					title: `Benchmark idea ${submitted}: label the spare filters`,
					problem: 'People look for the right filter at every change and the line waits.',
					proposal: 'Label each shelf with the filter type and the machines it fits.',
					benefitType: 'time',
					teamId: employee.homeTeamId,
					estimatedCost: '40',
					estimatedSavings: '900'
				});
			}
		}
	};
}
