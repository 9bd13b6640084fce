import type { Cookies } from '@sveltejs/kit';

// A freshly issued invitation link is shown to the administrator exactly once, after a redirect.
// Only its hash is stored, so it travels to the next page in a short-lived HttpOnly cookie scoped to
// that page, which reads and deletes it.
const COOKIE = 'teian_new_invite';

export interface InviteLinkFlash {
	url: string;
	expiresAt: string;
}

export function inviteUrl(origin: string, token: string): string {
	return `${origin}/invite/${token}`;
}

export function flashInviteLink(
	cookies: Cookies,
	pagePath: string,
	link: InviteLinkFlash,
	isHttps: boolean
): void {
	cookies.set(COOKIE, JSON.stringify(link), {
		path: pagePath,
		httpOnly: true,
		sameSite: 'strict',
		secure: isHttps,
		maxAge: 300
	});
}

export function takeInviteLink(cookies: Cookies, pagePath: string): InviteLinkFlash | null {
	const raw = cookies.get(COOKIE);
	if (!raw) return null;
	cookies.delete(COOKIE, { path: pagePath });
	try {
		const parsed = JSON.parse(raw) as InviteLinkFlash;
		return typeof parsed.url === 'string' && typeof parsed.expiresAt === 'string' ? parsed : null;
	} catch {
		return null;
	}
}
