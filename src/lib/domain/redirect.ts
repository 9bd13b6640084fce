/** Accepts only same-site paths ("/queue?tab=2"), never "//evil.example" or absolute URLs. */
export function safeRedirectPath(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return fallback;
	}
	return target;
}
